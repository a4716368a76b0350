"""The whole-page cache of public pages serves anonymous visitors only, never a private or
per-visitor page, and forgets pages as soon as the portal's data changes."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token

from portail.core.page_cache import public_page
from portail.core.preferences import CONTRAST_COOKIE
from tests.accounts.factories import UserFactory
from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_gets_the_home_page_from_the_cache(client, django_assert_num_queries):
    ThemeFactory(name="Logement")
    first = client.get("/")
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def test_a_change_of_portal_data_is_visible_at_once(client):
    theme = ThemeFactory(name="Logement")
    client.get("/")
    theme.name = "Habitat"
    theme.save()
    assert "Habitat" in client.get("/").content.decode()


def test_preferences_get_their_own_cached_page(client):
    client.get("/")
    client.cookies[CONTRAST_COOKIE] = "eleve"
    assert 'class="contraste-eleve"' in client.get("/").content.decode()


def test_a_signed_in_person_never_gets_a_cached_page(client):
    client.get("/")
    user = UserFactory(display_name="Nadia")
    client.force_login(user)
    content = client.get("/").content.decode()
    assert "Mon espace" in content
    assert "Se connecter" not in content


def _counting_view(body):
    calls = []

    @public_page
    def view(request):
        calls.append(request.path)
        return HttpResponse(body(request))

    return view, calls


def test_a_page_without_per_visitor_content_is_rendered_once(rf):
    view, calls = _counting_view(lambda request: "pareil pour tous")
    view(rf.get("/essai/"))
    view(rf.get("/essai/"))
    assert len(calls) == 1


def test_a_page_that_used_the_csrf_token_is_never_stored(rf):
    view, calls = _counting_view(get_token)
    first = view(rf.get("/essai/"))
    second = view(rf.get("/essai/"))
    assert len(calls) == 2
    assert first.content != second.content


def test_an_error_page_is_never_stored(rf):
    calls = []

    @public_page
    def view(request):
        calls.append(1)
        return HttpResponse("introuvable", status=404)

    view(rf.get("/essai/"))
    view(rf.get("/essai/"))
    assert len(calls) == 2


def test_the_page_cache_can_be_switched_off(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    ThemeFactory()
    client.get("/")
    with django_assert_num_queries(1):
        client.get("/")
