import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.template import loader
from django.test import Client

from portail.core import views
from tests.accounts.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.urls_errors")]


def assert_error_page(response, status, *texts):
    assert response.status_code == status
    content = response.content.decode().replace("&#x27;", "'")
    assert '<html lang="fr"' in content
    assert f'<p class="page-erreur__code">Code de l\'erreur : {status}</p>' in content
    assert 'href="/"' in content
    assert 'href="/contact/"' in content
    for text in texts:
        assert text in content
    return content


def test_an_unknown_address_shows_the_french_404_page(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert_error_page(response, 404, "Cette page n'existe pas", "Page introuvable")


def test_a_refused_page_shows_the_french_403_page(client):
    response = client.get("/essai/interdit/")
    assert_error_page(response, 403, "Vous ne pouvez pas voir cette page", "Accès refusé")


def test_a_bad_request_shows_the_french_400_page(client):
    response = client.get("/essai/incorrect/")
    assert_error_page(response, 400, "Nous n'avons pas compris la demande")


def test_an_unknown_host_is_refused_with_the_400_page(client):
    response = client.get("/", HTTP_HOST="pas-chez-nous.example")
    assert_error_page(response, 400, "Nous n'avons pas compris la demande")


def test_a_crash_shows_the_french_500_page(client):
    client.raise_request_exception = False
    response = client.get("/essai/panne/")
    assert_error_page(response, 500, "Le site a un problème", "Ce n'est pas de votre faute")


def test_the_500_page_renders_when_the_database_is_down(client, monkeypatch):
    client.force_login(UserFactory())
    client.raise_request_exception = False

    def database_down(self, *args, **kwargs):
        raise OperationalError("base de données injoignable")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", database_down)
    response = client.get("/essai/panne/")

    content = assert_error_page(response, 500, "Le site a un problème")
    # No request context: no form that would need a CSRF token, a plain link instead.
    assert "csrfmiddlewaretoken" not in content
    assert 'href="/preferences/"' in content


def test_the_500_template_renders_with_an_empty_context():
    """Django's own fallback renders 500.html with no context at all."""
    content = loader.get_template("500.html").render()
    assert "Le site a un problème" in content
    assert "— Portail d'accès aux droits</title>" in content


def test_a_last_resort_page_is_served_when_the_500_template_fails(rf, monkeypatch):
    def broken_template(name, *args, **kwargs):
        raise RuntimeError("gabarit cassé")

    monkeypatch.setattr(views.loader, "get_template", broken_template)
    response = views.server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Le site a un problème" in response.content.decode()


def test_a_form_sent_without_its_security_token_gets_a_french_explanation():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/compte/connexion/", {"username": "a@exemple.org", "password": "x"})
    assert_error_page(response, 403, "Le formulaire n'a pas pu être envoyé", "rechargez la page")


def test_too_many_attempts_shows_the_429_page_with_a_delay(client):
    response = client.get("/essai/trop/")

    content = assert_error_page(response, 429, "Trop de tentatives", "10 minutes")
    assert response["Retry-After"] == "600"
    assert 'href="/compte/mot-de-passe/"' in content


def test_a_locked_out_account_is_told_it_is_paused_and_how_to_reset_its_password(rf, settings):
    from datetime import timedelta

    settings.AXES_COOLOFF_TIME = timedelta(minutes=20)
    response = views.locked_out(rf.post("/compte/connexion/"))

    content = assert_error_page(response, 429, "Trop de tentatives", "en pause pendant 20 minutes")
    assert response["Retry-After"] == "1200"
    assert 'href="/compte/mot-de-passe/"' in content
    assert "Choisir un nouveau mot de passe" in content


def test_error_pages_have_no_breadcrumb(client):
    content = client.get("/cette-page-n-existe-pas/").content.decode()
    assert "fil-ariane" not in content
