import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("core:preferences")


def test_the_preferences_page_groups_its_choices_in_fieldsets(client):
    content = client.get(URL).content.decode()

    assert "<legend>Taille du texte</legend>" in content
    assert "<legend>Contraste des couleurs</legend>" in content
    for value in ("normal", "grand", "tres-grand"):
        assert f'id="taille-{value}"' in content
        assert f'<label for="taille-{value}">' in content
    for value in ("normal", "eleve"):
        assert f'<label for="contraste-{value}">' in content
    assert "Enregistrer mes réglages" in content


def test_the_current_choice_is_checked(client):
    client.cookies["taille_texte"] = "tres-grand"
    content = client.get(URL).content.decode()
    assert 'value="tres-grand" id="taille-tres-grand" checked' in content
    assert 'value="normal" id="contraste-normal" checked' in content


def test_choosing_sets_a_cookie_for_a_year_and_returns_to_the_page(client):
    response = client.post(URL, {"taille": "grand", "contraste": "eleve", "next": "/contact/"})

    assert response.status_code == 302
    assert response["Location"] == "/contact/"
    size = response.cookies["taille_texte"]
    assert size.value == "grand"
    assert size["max-age"] == 60 * 60 * 24 * 365
    assert size["httponly"]
    assert size["samesite"] == "Lax"
    assert response.cookies["contraste"].value == "eleve"


def test_the_chosen_classes_are_put_on_the_html_element(client):
    client.post(URL, {"taille": "tres-grand", "contraste": "eleve", "next": "/"})

    content = client.get("/").content.decode()

    assert '<html lang="fr" class="texte-tres-grand contraste-eleve">' in content


def test_a_saved_choice_is_confirmed_on_the_next_page(client):
    response = client.post(URL, {"taille": "grand", "next": "/contact/"}, follow=True)
    assert "Votre réglage de lecture est enregistré." in response.content.decode()


def test_without_preferences_the_html_element_has_no_class(client):
    assert '<html lang="fr" class="">' in client.get("/").content.decode()


@pytest.mark.parametrize(
    "next_url",
    ["https://arnaque.example/", "//arnaque.example/", "javascript:alert(1)", ""],
)
def test_an_outside_or_missing_next_address_sends_home(client, next_url):
    response = client.post(URL, {"taille": "grand", "next": next_url})
    assert response["Location"] == "/"


def test_invalid_values_are_ignored(client):
    response = client.post(URL, {"taille": "énorme", "contraste": "fluo", "next": "/"})

    assert response.status_code == 302
    assert "taille_texte" not in response.cookies
    assert "contraste" not in response.cookies


def test_an_invalid_cookie_falls_back_to_normal(client):
    client.cookies["taille_texte"] = "<script>"
    client.cookies["contraste"] = "fluo"
    content = client.get("/").content.decode()
    assert '<html lang="fr" class="">' in content


def test_the_page_offers_to_go_back_where_the_person_was(client):
    content = client.get(URL, {"next": "/contact/"}).content.decode()
    assert '<a href="/contact/">Revenir à la page où j\'étais</a>' in content


def test_the_page_offers_no_way_back_to_another_site(client):
    content = client.get(URL, {"next": "https://arnaque.example/"}).content.decode()
    assert 'href="https://arnaque.example/"' not in content
    assert 'value="/preferences/"' in content
    assert "Revenir à la page" not in content


def test_the_footer_buttons_work_without_javascript(client):
    content = client.get("/contact/").content.decode()
    assert f'<form method="post" action="{URL}" class="preferences">' in content
    assert '<input type="hidden" name="next" value="/contact/">' in content
    assert 'name="taille" value="grand"' in content
    assert 'name="contraste" value="eleve"' in content
