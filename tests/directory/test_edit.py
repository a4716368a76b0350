"""Who keeps an organisation's page up to date: its partner accounts and the team, nobody else;
what saving and confirming record; and a wrong value never loses what was typed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from portail.directory.models import Organisation
from tests.accounts.factories import UserFactory
from tests.directory.factories import OrganisationFactory, OrganisationMemberFactory
from tests.places.factories import QuartierFactory, SubjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ALLOWED = {"partner-of-this", "staff"}
ROLES = [
    "anonymous",
    "resident",
    "member",
    "facilitator",
    "moderator",
    "partner-of-this",
    "partner-of-another",
    "staff",
]


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Centre social de Beaulieu", slug="cs-beaulieu")


def make_user(role, organisation):
    if role == "anonymous":
        return None
    if role == "partner-of-this":
        return OrganisationMemberFactory(organisation=organisation).user
    if role == "partner-of-another":
        return UserFactory(partner=True)
    traits = {
        "resident": {},
        "member": {"member": True},
        "facilitator": {"facilitator": True},
        "moderator": {"moderator": True},
        "staff": {"staff": True},
    }
    return UserFactory(**traits[role])


def valid_data(**overrides):
    data = {
        "summary": "Un lieu d'accueil ouvert à tous.",
        "services": "Aide aux démarches CAF, pour tous\nAtelier numérique",
        "address": "1 rue de l'Exemple, 42100 Saint-Étienne",
        "opening_hours": "Lundi au vendredi, 9 h – 12 h",
        "phone": "04 77 00 00 00",
        "email": "accueil@exemple.org",
        "website": "exemple.org",
        "step_free_access": "oui",
        "languages": "français, arabe",
        "accessibility_notes": "Ascenseur.",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["directory:edit", "directory:confirm"])
def test_only_the_organisation_s_partners_and_the_team_open_its_edit_pages(
    client, organisation, role, name
):
    user = make_user(role, organisation)
    if user:
        client.force_login(user)

    response = client.get(reverse(name, args=[organisation.slug]))

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif role in ALLOWED:
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_only_the_organisation_s_partners_and_the_team_can_save_it(client, organisation, role):
    user = make_user(role, organisation)
    if user:
        client.force_login(user)

    response = client.post(
        reverse("directory:edit", args=[organisation.slug]), valid_data(phone="04 77 11 11 11")
    )

    organisation.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302
        assert organisation.phone == "04 77 11 11 11"
    else:
        assert response.status_code in (302, 403)
        assert organisation.phone == ""
        assert organisation.last_checked_on is None


@pytest.mark.parametrize("role", ROLES)
def test_only_the_organisation_s_partners_and_the_team_can_confirm_it(client, organisation, role):
    user = make_user(role, organisation)
    if user:
        client.force_login(user)

    client.post(reverse("directory:confirm", args=[organisation.slug]))

    organisation.refresh_from_db()
    assert (organisation.last_checked_on is not None) == (role in ALLOWED)


def test_the_edit_link_shows_only_to_those_who_may_edit(client, organisation):
    edit_url = reverse("directory:edit", args=[organisation.slug])
    assert edit_url not in client.get(organisation.get_absolute_url()).text

    client.force_login(UserFactory(partner=True))
    assert edit_url not in client.get(organisation.get_absolute_url()).text

    client.force_login(OrganisationMemberFactory(organisation=organisation).user)
    assert edit_url in client.get(organisation.get_absolute_url()).text


def test_saving_records_every_field_the_day_and_who_checked(client, organisation):
    housing = ThemeFactory(name="Logement")
    subject = SubjectFactory(theme=housing, title="Dépôt de garantie")
    quartier = QuartierFactory(name="Beaulieu")
    partner = OrganisationMemberFactory(organisation=organisation).user
    organisation.confirmation_requested_at = timezone.now()
    organisation.save()
    client.force_login(partner)

    response = client.post(
        reverse("directory:edit", args=[organisation.slug]),
        valid_data(themes=[housing.pk], subjects=[subject.pk], quartiers=[quartier.pk]),
        follow=True,
    )

    organisation.refresh_from_db()
    assert response.redirect_chain[-1][0] == organisation.get_absolute_url()
    assert "C&#x27;est enregistré" in response.text
    assert organisation.services == "Aide aux démarches CAF, pour tous\nAtelier numérique"
    assert organisation.opening_hours == "Lundi au vendredi, 9 h – 12 h"
    assert organisation.website == "https://exemple.org"
    assert organisation.step_free_access == Organisation.StepFree.YES
    assert organisation.languages == "français, arabe"
    assert list(organisation.subjects.all()) == [subject]
    assert list(organisation.themes.all()) == [housing]
    assert list(organisation.quartiers.all()) == [quartier]
    assert organisation.last_checked_on == timezone.localdate()
    assert organisation.last_checked_by == partner
    assert organisation.confirmation_requested_at is None
    assert "vérifiées le" in response.text and "par l'organisation." in response.text
    version = Version.objects.get_for_object(organisation).get()
    assert version.revision.user == partner


def test_a_wrong_value_is_explained_and_everything_typed_stays(client, organisation):
    client.force_login(OrganisationMemberFactory(organisation=organisation).user)

    response = client.post(
        reverse("directory:edit", args=[organisation.slug]),
        valid_data(phone="appelez-nous", email="accueil@", opening_hours="Mardi 14 h – 17 h"),
    )

    assert response.status_code == 200
    content = response.text
    assert "Ce numéro n&#x27;est pas valide" in content
    assert "Cette adresse e-mail n&#x27;est pas complète" in content
    assert 'value="appelez-nous"' in content
    assert "Mardi 14 h – 17 h</textarea>" in content
    assert 'aria-invalid="true"' in content
    organisation.refresh_from_db()
    assert organisation.phone == ""
    assert organisation.last_checked_on is None


def test_an_empty_summary_is_refused_with_a_french_message(client, organisation):
    client.force_login(UserFactory(staff=True))

    response = client.post(
        reverse("directory:edit", args=[organisation.slug]), valid_data(summary="  ")
    )

    assert "Dites en quelques mots ce que fait l&#x27;organisation." in response.text
    organisation.refresh_from_db()
    assert organisation.summary == "Accueille et conseille les habitants."


def test_the_form_groups_subjects_by_theme_and_quartiers_by_commune(client, organisation):
    housing = ThemeFactory(name="Logement")
    SubjectFactory(theme=housing, title="Quittance de loyer")
    QuartierFactory(name="Beaulieu", commune__name="Saint-Étienne")
    client.force_login(UserFactory(staff=True))

    content = client.get(reverse("directory:edit", args=[organisation.slug])).text

    assert "<legend>Logement</legend>" in content
    assert "Quittance de loyer</label>" in content
    assert "<legend>Saint-Étienne</legend>" in content
    assert "Beaulieu</label>" in content


def test_a_member_of_staff_checking_is_not_shown_as_the_organisation_itself(client, organisation):
    client.force_login(UserFactory(staff=True))
    client.post(reverse("directory:confirm", args=[organisation.slug]))

    content = client.get(organisation.get_absolute_url()).text

    day = timezone.localdate()
    assert organisation.name in content
    assert "Informations vérifiées le" in content
    assert "par l'organisation." not in content
    assert str(day.year) in content


def test_confirming_sets_the_day_keeps_the_information_and_stops_the_reminders(
    client, organisation
):
    organisation.phone = "04 77 00 00 00"
    organisation.last_checked_on = datetime.date(2020, 1, 1)
    organisation.confirmation_requested_at = timezone.now()
    organisation.save()
    partner = OrganisationMemberFactory(organisation=organisation).user
    client.force_login(partner)

    page = client.get(reverse("directory:confirm", args=[organisation.slug]))
    response = client.post(reverse("directory:confirm", args=[organisation.slug]), follow=True)

    assert "04 77 00 00 00" in page.text
    assert "Tout est à jour" in page.text
    organisation.refresh_from_db()
    assert organisation.last_checked_on == timezone.localdate()
    assert organisation.last_checked_by == partner
    assert organisation.confirmation_requested_at is None
    assert organisation.phone == "04 77 00 00 00"
    assert "sont confirmées à jour" in response.text
    assert "il y a plus d&#x27;un an" not in response.text


def test_an_unknown_organisation_is_a_404_even_for_staff(client):
    client.force_login(UserFactory(staff=True))
    assert client.get(reverse("directory:edit", args=["inconnue"])).status_code == 404


def test_a_pasted_document_is_refused_and_kept_in_the_form(client, organisation):
    client.force_login(UserFactory(staff=True))
    long_text = "Nous accueillons les habitants. " * 100

    response = client.post(
        reverse("directory:edit", args=[organisation.slug]), valid_data(services=long_text)
    )

    assert "Ce texte est trop long : 3199 caractères, pour une limite de 2000." in response.text
    assert long_text.strip() in response.text
    organisation.refresh_from_db()
    assert organisation.services == ""
