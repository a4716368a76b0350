import html

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from portail.letters.models import SavedLetter
from tests.accounts.factories import UserFactory
from tests.letters.factories import LetterFactory, SavedLetterFactory, valid_values
from tests.letters.pdf_text import pdf_page_size, pdf_text
from tests.places.factories import SubjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter():
    return LetterFactory(slug="depot", title="Demander son dépôt de garantie")


def url(name, letter):
    return reverse(f"letters:{name}", args=[letter.slug])


def text_of(response):
    return html.unescape(response.content.decode())


# --- List and form ------------------------------------------------------------------------------


def test_the_list_shows_each_letter_with_its_summary_and_subjects(client):
    subject = SubjectFactory(key="depot-de-garantie", title="Dépôt de garantie")
    LetterFactory(title="Demander son dépôt", subjects=[subject])

    response = client.get(reverse("letters:index"))

    content = text_of(response)
    assert response.status_code == 200
    assert "Demander son dépôt" in content
    assert "Pour réclamer l'argent versé à l'entrée." in content
    assert f'href="{reverse("fiches:detail", args=["depot-de-garantie"])}"' in content


def test_an_unknown_letter_is_a_404(client):
    assert client.get(reverse("letters:fill", args=["inconnue"])).status_code == 404


def test_the_form_has_plain_labels_the_standard_fields_and_todays_date(client, letter):
    response = client.get(url("fill", letter))

    content = text_of(response)
    assert response.status_code == 200
    for label in [
        "Votre prénom et votre nom",
        "Votre adresse",
        "À qui vous écrivez",
        "L'adresse du logement loué",
        "Ville où vous écrivez la lettre",
        "Date de la lettre",
        "Montant du dépôt (en euros)",
        "Pareil qu'à l'entrée",
        "Je joins des photos",
    ]:
        assert label in content
    assert '<label for="id_nom_expediteur">' in content
    assert "<legend>L'état des lieux de sortie</legend>" in content
    assert 'name="adresse_expediteur"' in content and "<textarea" in content
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )


def test_mistakes_get_french_messages_and_what_was_typed_stays_in_the_form(client, letter):
    data = valid_values(date_depart="31/02/2025", montant="-30", nom_expediteur="", ville="")
    data["explication"] = "Ma voisine <Samia> m'a aidée"

    response = client.post(url("fill", letter), data)

    content = text_of(response)
    assert response.status_code == 200
    assert "Quelques cases sont à corriger" in content
    assert "Cette date n'existe pas : vérifiez le jour et le mois." in content
    assert "Le montant ne peut pas être négatif." in content
    assert content.count("Cette information est nécessaire pour écrire la lettre.") == 4  # 2 × 2
    assert 'value="31/02/2025"' in content
    assert 'value="-30"' in content
    assert "Ma voisine &lt;Samia&gt; m&#x27;a aidée" in response.content.decode()
    assert 'href="#id_date_depart"' in content


def test_a_date_in_the_future_is_refused_where_it_must_be_past(client, letter):
    response = client.post(url("fill", letter), valid_values(date_depart="01/01/2099"))
    assert "Cette date est dans le futur." in text_of(response)


# --- Preview ------------------------------------------------------------------------------------


def test_a_valid_form_shows_the_letter_laid_out(client, letter):
    response = client.post(url("fill", letter), valid_values(date_lettre="01/11/2026"))

    content = text_of(response)
    assert response.status_code == 200
    assert "Relisez votre lettre" in content
    parts = [
        "Nadia Benali<br>12 rue des Lilas<br>42000 Saint-Étienne",
        "Agence Durand<br>3 place du Peuple<br>42000 Saint-Étienne",
        "À Saint-Étienne, le 1er novembre 2026",
        "Lettre recommandée avec accusé de réception",
        "Objet : Demande de restitution du dépôt de garantie",
        "Madame, Monsieur,",
        "J'ai rendu les clés le 15 mars 2025.",
        "Mon dépôt de garantie était de 1 200,50 €.",
        "Mon numéro de locataire : A-1234.",
        "Je joins des photos.",
        "salutations distinguées.",
        "Signature :",
    ]
    positions = [content.index(part) for part in parts]
    assert positions == sorted(positions)
    assert "Enregistrer dans mon espace" not in content
    assert "no-store" in response["Cache-Control"]


def test_the_preview_carries_the_values_in_hidden_fields_to_each_button(client, letter):
    response = client.post(url("fill", letter), valid_values())

    content = response.content.decode()
    assert '<input type="hidden" name="montant" value="1 200,50">' in content
    assert (
        '<input type="hidden" name="adresse_expediteur" value="12 rue des Lilas\n42000' in content
    )
    assert f'action="{url("pdf", letter)}"' in content
    assert f'formaction="{url("text", letter)}"' in content
    assert f'name="modifier" value="1" formaction="{url("fill", letter)}"' in content


def test_what_people_typed_is_escaped_in_the_preview(client, letter):
    response = client.post(
        url("fill", letter), valid_values(explication="<script>alert('x')</script>")
    )
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content


def test_modifier_brings_back_the_form_with_the_values_and_no_error(client, letter):
    response = client.post(url("fill", letter), {**valid_values(), "modifier": "1"})

    content = text_of(response)
    assert "Voir ma lettre" in content
    assert "Quelques cases sont à corriger" not in content
    assert 'value="1 200,50"' in content
    assert 'value="conforme" id="id_etat_0" required checked' in content


# --- Downloads ----------------------------------------------------------------------------------


def test_the_pdf_download_is_the_letter(client, letter):
    response = client.post(url("pdf", letter), valid_values(nom_expediteur="Nadia <b>Benali</b>"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="lettre-depot.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert pdf_page_size(response.content).endswith("(A4)")
    text = pdf_text(response.content)
    assert "Objet : Demande de restitution du dépôt de garantie" in text
    assert "Nadia <b>Benali</b>" in text
    assert "1 200,50 €" in text
    assert "salutations distinguées" in text


def test_the_text_download_is_plain_text_with_what_was_typed_unescaped(client, letter):
    response = client.post(url("text", letter), valid_values(explication="Fuite & <moisissure>"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lettre-depot.txt"'
    text = response.content.decode("utf-8")
    assert text.startswith("Nadia Benali\n12 rue des Lilas\n42000 Saint-Étienne\n\nAgence Durand")
    assert "Objet : Demande de restitution du dépôt de garantie" in text
    assert "Fuite & <moisissure>" in text
    assert "&lt;" not in text and "<p>" not in text


@pytest.mark.parametrize("name", ["pdf", "text"])
def test_a_download_with_a_bad_value_shows_the_form_again(client, letter, name):
    response = client.post(url(name, letter), valid_values(montant="beaucoup"))

    assert response.status_code == 400
    assert "Écrivez un montant en chiffres" in text_of(response)


@pytest.mark.parametrize("name", ["pdf", "text"])
def test_a_download_link_opened_directly_goes_to_the_form(client, letter, name):
    response = client.get(url(name, letter))
    assert response.status_code == 302
    assert response["Location"] == url("fill", letter)


# --- Nothing stored unless a signed-in person saves ---------------------------------------------


def test_nothing_typed_is_stored_for_an_anonymous_visitor(client, letter):
    data = valid_values()
    responses = [
        client.get(url("fill", letter)),
        client.post(url("fill", letter), data),
        client.post(url("fill", letter), {**data, "modifier": "1"}),
        client.post(url("pdf", letter), data),
        client.post(url("text", letter), data),
    ]

    assert all(r.status_code == 200 for r in responses)
    assert SavedLetter.objects.count() == 0
    assert Session.objects.count() == 0
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert dict(client.session) == {}


def test_an_anonymous_visitor_cannot_save_and_is_sent_to_sign_in(client, letter):
    response = client.post(url("save", letter), valid_values())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert SavedLetter.objects.count() == 0


def test_the_preview_of_an_anonymous_visitor_says_nothing_is_kept(client, letter):
    content = text_of(client.post(url("fill", letter), valid_values()))
    assert "Rien n'est gardé sur le site" in content


def test_a_signed_in_person_can_save_the_letter_in_their_space(client, letter):
    user = UserFactory()
    client.force_login(user)
    preview = client.post(url("fill", letter), valid_values())
    assert "Enregistrer dans mon espace" in text_of(preview)
    assert f'formaction="{url("save", letter)}"' in preview.content.decode()
    assert SavedLetter.objects.count() == 0

    response = client.post(url("save", letter), valid_values(), follow=True)

    saved = SavedLetter.objects.get()
    assert (saved.user, saved.letter) == (user, letter)
    assert saved.values["montant"] == "1 200,50"
    assert saved.values["photos"] == "on"
    assert response.redirect_chain[-1][0] == reverse("letters:saved")
    content = text_of(response)
    assert "Votre lettre est enregistrée dans votre espace." in content
    assert "Demander son dépôt de garantie" in content


def test_saving_a_letter_with_a_bad_value_stores_nothing(client, letter):
    client.force_login(UserFactory())
    response = client.post(url("save", letter), valid_values(date_depart="31/02/2025"))
    assert response.status_code == 400
    assert SavedLetter.objects.count() == 0


def test_a_saved_letter_opens_as_its_preview(client):
    saved = SavedLetterFactory()
    client.force_login(saved.user)

    response = client.get(reverse("letters:saved_detail", args=[saved.pk]))

    content = text_of(response)
    assert response.status_code == 200
    assert "Objet : Demande de restitution du dépôt de garantie" in content
    assert "Télécharger en PDF" in content
    assert "Enregistrer dans mon espace" not in content
    assert "Lettre enregistrée dans votre espace le" in content


def test_the_list_of_saved_letters_shows_only_ones_own(client):
    mine = SavedLetterFactory(letter=LetterFactory(title="Ma lettre à moi"))
    SavedLetterFactory(letter=LetterFactory(title="La lettre de quelqu'un d'autre"))
    client.force_login(mine.user)

    content = text_of(client.get(reverse("letters:saved")))

    assert "Ma lettre à moi" in content
    assert "quelqu'un d'autre" not in content


def test_a_person_can_delete_a_saved_letter_after_confirming(client):
    saved = SavedLetterFactory()
    client.force_login(saved.user)
    delete_url = reverse("letters:saved_delete", args=[saved.pk])

    confirm = client.get(delete_url)
    assert "Supprimer cette lettre ?" in text_of(confirm)
    assert SavedLetter.objects.count() == 1

    response = client.post(delete_url, follow=True)
    assert SavedLetter.objects.count() == 0
    assert "La lettre est supprimée." in text_of(response)


SAVED_PAGES = [
    ("get", "letters:saved_detail", 200),
    ("get", "letters:saved_delete", 200),
    ("post", "letters:saved_delete", 302),
]


@pytest.mark.parametrize(("method", "name", "owner_status"), SAVED_PAGES)
@pytest.mark.parametrize("who", ["owner", "someone_else", "moderator", "staff", "anonymous"])
def test_a_saved_letter_is_reachable_by_its_owner_only(client, method, name, owner_status, who):
    saved = SavedLetterFactory()
    visitors = {
        "owner": saved.user,
        "someone_else": UserFactory(),
        "moderator": UserFactory(moderator=True),
        "staff": UserFactory(staff=True),
        "anonymous": None,
    }
    if visitors[who]:
        client.force_login(visitors[who])

    response = getattr(client, method)(reverse(name, args=[saved.pk]))

    if who == "owner":
        assert response.status_code == owner_status
    elif who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 404
    assert SavedLetter.objects.filter(pk=saved.pk).exists() == (
        not (who == "owner" and method == "post")
    )


def test_the_list_of_saved_letters_needs_an_account(client):
    response = client.get(reverse("letters:saved"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_pdfs_are_limited_per_address_with_the_french_page(client, letter, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "2/h"}
    statuses = [client.post(url("pdf", letter), valid_values()).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_what_people_type_is_hidden_from_error_reports(rf, letter):
    from django.contrib.auth.models import AnonymousUser
    from django.views.debug import SafeExceptionReporterFilter

    from portail.letters import views

    for view in (views.letter_fill, views.letter_pdf, views.letter_text, views.letter_save):
        request = rf.post(url("fill", letter), valid_values())
        request.user = AnonymousUser()
        view(request, slug=letter.slug)
        cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
        assert cleaned["nom_expediteur"] != "Nadia Benali", view.__name__


def test_the_list_of_letters_is_served_from_the_cache_but_never_the_form(
    client, letter, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 60
    client.get(reverse("letters:index"))
    client.get(url("fill", letter))

    with django_assert_num_queries(0):
        client.get(reverse("letters:index"))
    assert "csrfmiddlewaretoken" in client.get(url("fill", letter)).content.decode()
    with django_assert_num_queries(1):
        client.get(url("fill", letter))
