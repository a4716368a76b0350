"""The public forms: one per kind, filled by the person (no account needed) or by a group member on
someone's behalf. Each bad input gets a French message and keeps what was written; robots,
floods and double clicks store nothing more."""

import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from portail.demandes.models import Demande, HistoryEntry
from portail.directory.models import Organisation
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.directory.factories import OrganisationFactory
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db

SUMMARY = "L'ascenseur est en panne depuis trois mois et les charges ont encore augmenté."


def new_url(kind):
    return reverse("demandes:new", args=[kind])


def form_data(kind="autre", **overrides):
    data = {
        "summary": SUMMARY,
        "quartier": "",
        "contact_name": "Fatou",
        "contact_email": "fatou@exemple.org",
        "contact_phone": "",
        "consent": "on",
        "submission_key": uuid.uuid4().hex,
        "site_web": "",
    }
    if kind == "immeuble":
        data.update(address="8 rue des Acacias, Saint-Étienne", landlord="", households="30")
        data["landlord_name"] = ""
    if kind == "intervention":
        data.update(group_type="alpha", place="Montreynaud", wished_dates="un mardi de mars")
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def token_of(response):
    match = re.fullmatch(
        r"/demandes/ma-demande/([A-Za-z0-9_-]+)/\?nouvelle=1(&saisie=1)?", response.url
    )
    assert match, response.url
    return match.group(1)


# --- The pages ----------------------------------------------------------------------------------


def test_the_landing_page_explains_each_kind_and_links_to_its_form(client):
    response = client.get(reverse("demandes:index"))

    content = page_text(response)
    assert response.status_code == 200
    for kind in Demande.Kind.values:
        assert new_url(kind) in content
    assert "Pas besoin de compte" in content
    assert reverse("demandes:enter", args=["autre"]) not in content


def test_the_landing_page_offers_members_to_enter_a_request_for_someone(client):
    client.force_login(UserFactory(member=True))
    content = page_text(client.get(reverse("demandes:index")))
    for kind in Demande.Kind.values:
        assert reverse("demandes:enter", args=[kind]) in content


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("accompagnement", ["de quelle aide avez-vous besoin"]),
        ("immeuble", ["L'adresse de l'immeuble", "Le bailleur", "Combien de foyers"]),
        (
            "intervention",
            ["Quel groupe êtes-vous", "groupe alpha", "centre social", "Quelles dates"],
        ),
        ("autre", ["Votre demande"]),
    ],
)
def test_each_form_asks_its_own_questions_and_how_to_be_reached(client, kind, words):
    response = client.get(new_url(kind))

    content = page_text(response)
    assert response.status_code == 200
    for expected in [*words, "Votre nom ou un pseudonyme", "Votre e-mail", "Votre téléphone"]:
        assert expected in content
    assert 'name="site_web"' in content and 'name="consent"' in content


def test_an_unknown_kind_is_a_404(client):
    assert client.get(new_url("n-importe-quoi")).status_code == 404


def test_the_building_form_lists_the_social_landlords_of_the_directory(client):
    OrganisationFactory(name="Habitat Démo", kind=Organisation.Kind.SOCIAL_LANDLORD)
    OrganisationFactory(name="Association Démo", kind=Organisation.Kind.ASSOCIATION)

    content = page_text(client.get(new_url("immeuble")))

    assert "Habitat Démo" in content
    assert "Association Démo" not in content


# --- Filing a request ---------------------------------------------------------------------------


def test_a_tenant_files_a_building_request_and_gets_the_private_link(client, on_commit):
    quartier = QuartierFactory(name="Montreynaud")
    landlord = OrganisationFactory(kind=Organisation.Kind.SOCIAL_LANDLORD)
    data = form_data(
        "immeuble", landlord=landlord.pk, quartier=quartier.pk, contact_phone="06 12 34 56 78"
    )

    with on_commit(execute=True):
        response = client.post(new_url("immeuble"), data)

    token = token_of(response)
    demande = Demande.objects.get()
    assert demande.kind == Demande.Kind.BUILDING
    assert demande.status == Demande.Status.NEW
    assert demande.origin == Demande.Origin.ONLINE
    assert demande.address == "8 rue des Acacias, Saint-Étienne"
    assert demande.landlord == landlord and demande.households == 30
    assert demande.quartier == quartier
    assert demande.contact_phone == "06 12 34 56 78"
    assert demande.contact_consent is True
    assert demande.requester is None and demande.entered_by is None
    assert demande.follow_token == token
    assert token not in demande.follow_token_hash
    assert list(demande.history.values_list("action", flat=True)) == [HistoryEntry.Action.CREATED]
    # The link opens the request, and it was e-mailed.
    assert client.get(reverse("demandes:follow", args=[token])).status_code == 200
    assert len(mail.outbox) == 1
    assert f"/demandes/ma-demande/{token}/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["fatou@exemple.org"]


def test_a_landlord_written_by_hand_is_kept_when_none_is_chosen(client):
    client.post(new_url("immeuble"), form_data("immeuble", landlord_name="Mon bailleur privé"))
    demande = Demande.objects.get()
    assert demande.landlord is None and demande.landlord_name == "Mon bailleur privé"


def test_a_group_asks_for_an_intervention(client):
    client.post(new_url("intervention"), form_data("intervention"))
    demande = Demande.objects.get()
    assert demande.group_type == Demande.GroupType.LITERACY
    assert demande.place == "Montreynaud" and demande.wished_dates == "un mardi de mars"


@pytest.mark.parametrize("kind", ["accompagnement", "autre"])
def test_a_phone_number_alone_is_enough_and_no_email_is_sent(client, kind, on_commit):
    with on_commit(execute=True):
        response = client.post(
            new_url(kind), form_data(kind, contact_email="", contact_phone="+33 6 12 34 56 78")
        )
    token_of(response)
    assert Demande.objects.get().contact_phone == "+33 6 12 34 56 78"
    assert mail.outbox == []


def test_a_signed_in_resident_files_with_their_account_and_finds_it_in_mes_demandes(client):
    user = UserFactory(display_name="Fatou D.")
    client.force_login(user)
    form = client.get(new_url("autre"))
    assert user.email in page_text(form)

    client.post(new_url("autre"), form_data())

    demande = Demande.objects.get()
    assert demande.requester == user
    assert reverse("demandes:mine_detail", args=[demande.pk]) in page_text(
        client.get(reverse("demandes:mine"))
    )


def test_the_same_form_sent_twice_stores_one_request_and_shows_the_same_link(client, on_commit):
    data = form_data()
    with on_commit(execute=True):
        first = client.post(new_url("autre"), data)
        second = client.post(new_url("autre"), data)

    assert Demande.objects.count() == 1
    assert token_of(first) == token_of(second)
    assert len(mail.outbox) == 1


def test_an_old_form_sent_again_opens_nothing(client):
    data = form_data()
    client.post(new_url("autre"), data)
    Demande.objects.update(created_at=Demande.objects.get().created_at.replace(year=2020))

    response = client.post(new_url("autre"), data)

    assert response.status_code == 200
    assert "déjà envoyée" in page_text(response)
    assert Demande.objects.count() == 1


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_is_stored(client):
    response = client.post(new_url("autre"), form_data(site_web="http://spam.example"))
    assert response.status_code == 200
    assert "Merci" in page_text(response)
    assert Demande.objects.count() == 0


def test_too_many_requests_from_one_address_are_refused_with_the_text_kept(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask_ip": "2/h", "ask_session": "100/h"}
    for _ in range(2):
        client.post(new_url("autre"), form_data())

    response = client.post(new_url("autre"), form_data())

    assert response.status_code == 429
    content = page_text(response)
    assert "attendez une dizaine de minutes" in content
    assert SUMMARY in content
    assert Demande.objects.count() == 2


def test_the_rate_limit_of_requests_is_not_the_one_of_questions(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask_ip": "1/h", "ask_session": "100/h"}
    client.post(
        reverse("questions:ask"),
        {"text": "Une question de test assez longue.", "kind": "question", "site_web": ""},
    )
    response = client.post(new_url("autre"), form_data())
    assert response.status_code == 302


# --- Bad input, form by form --------------------------------------------------------------------

COMMON_BAD_INPUTS = [
    ({"summary": ""}, "Expliquez votre demande en quelques mots"),
    ({"summary": "Aidez"}, "Votre texte est trop court"),
    ({"summary": "1234567890 ?!"}, "Écrivez au moins quelques mots"),
    ({"summary": "a" * 5001}, "Votre texte est trop long"),
    ({"contact_name": ""}, "Donnez un nom ou un pseudonyme"),
    ({"contact_name": "x" * 101}, "Ce nom est trop long"),
    ({"contact_email": "", "contact_phone": ""}, "Donnez au moins un moyen de vous joindre"),
    ({"contact_email": "fatou@"}, "Cette adresse e-mail n'est pas complète"),
    ({"contact_phone": "06 12"}, "Ce numéro de téléphone n'est pas complet"),
    ({"contact_phone": "appelez-moi"}, "Ce numéro de téléphone n'est pas complet"),
    ({"contact_phone": "0" * 31}, "Ce numéro est trop long"),
    ({"consent": None}, "Cochez la case pour que le groupe puisse vous recontacter"),
    ({"quartier": "999999"}, "Ce quartier n'existe pas"),
]
KIND_BAD_INPUTS = {
    "immeuble": [
        ({"address": ""}, "Écrivez l'adresse de l'immeuble"),
        ({"address": "x" * 241}, "Cette adresse est trop longue"),
        ({"landlord": "999999"}, "Ce bailleur n'est pas dans la liste"),
        ({"landlord_name": "x" * 161}, "Ce nom est trop long"),
        ({"households": "beaucoup"}, "Écrivez un nombre en chiffres"),
        ({"households": "0"}, "Écrivez un nombre de foyers d'au moins 1"),
        ({"households": "100000"}, "Ce nombre semble trop grand"),
    ],
    "intervention": [
        ({"group_type": ""}, "Choisissez le type de groupe dans la liste"),
        ({"group_type": "secte"}, "Choisissez le type de groupe dans la liste"),
        ({"place": ""}, "Écrivez la commune ou le quartier"),
        ({"place": "x" * 161}, "Ce texte est trop long : 160 caractères au plus"),
        ({"wished_dates": "x" * 301}, "Ce texte est trop long : 300 caractères au plus"),
    ],
}
CASES = [
    (kind, overrides, message)
    for kind in Demande.Kind.values
    for overrides, message in [*COMMON_BAD_INPUTS, *KIND_BAD_INPUTS.get(kind, [])]
]


@pytest.mark.parametrize(("kind", "overrides", "message"), CASES)
def test_each_bad_input_is_refused_in_french_and_the_text_is_kept(client, kind, overrides, message):
    response = client.post(new_url(kind), form_data(kind, **overrides))

    content = page_text(response)
    assert response.status_code == 200
    assert message in content
    assert "Le formulaire n'est pas encore bon" in content
    kept = form_data(kind, **overrides)["summary"]
    if kept and len(kept) <= 5000:
        assert kept in content
    assert Demande.objects.count() == 0


def test_invisible_characters_are_removed_from_the_text(client):
    client.post(new_url("autre"), form_data(summary=f"\u202e{SUMMARY}\x07"))
    assert Demande.objects.get().summary == SUMMARY


# --- On someone's behalf ------------------------------------------------------------------------


def test_a_member_enters_a_request_for_someone_with_their_agreement(client):
    member = UserFactory(member=True)
    client.force_login(member)
    form = page_text(client.get(reverse("demandes:enter", args=["accompagnement"])))
    assert "La personne est d'accord pour être recontactée" in form

    response = client.post(
        reverse("demandes:enter", args=["accompagnement"]),
        form_data("accompagnement", contact_email="", contact_phone="06 12 34 56 78"),
    )

    assert response.url.endswith("?nouvelle=1&saisie=1")
    demande = Demande.objects.get()
    assert demande.origin == Demande.Origin.ON_BEHALF
    assert demande.entered_by == member and demande.requester is None
    assert demande.contact_consent is True
    page = page_text(client.get(response.url))
    assert "Donnez ce lien à la personne" in page


def test_without_the_persons_agreement_nothing_is_stored(client):
    client.force_login(UserFactory(member=True))
    response = client.post(reverse("demandes:enter", args=["autre"]), form_data(consent=None))
    assert "Sans l'accord de la personne" in page_text(response)
    assert Demande.objects.count() == 0


def test_the_member_is_told_to_give_a_way_to_reach_the_person(client):
    client.force_login(UserFactory(member=True))
    response = client.post(
        reverse("demandes:enter", args=["autre"]),
        form_data(contact_email="", contact_phone=""),
    )
    assert "Donnez un moyen de joindre la personne" in page_text(response)


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonyme", 302), ("habitant", 403), ("partenaire", 403), ("moderateur", 200)],
)
def test_only_group_members_and_moderators_enter_requests_for_others(client, who, status):
    user = {
        "anonyme": None,
        "habitant": UserFactory,
        "partenaire": lambda: UserFactory(partner=True),
        "moderateur": lambda: UserFactory(moderator=True),
    }[who]
    if user is not None:
        client.force_login(user())
    assert client.get(reverse("demandes:enter", args=["autre"])).status_code == status
    assert client.post(reverse("demandes:enter", args=["autre"]), form_data()).status_code in (
        status,
        302 if status == 200 else status,
    )
    assert Demande.objects.count() == (1 if status == 200 else 0)
