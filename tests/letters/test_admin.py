import pytest
from django.urls import reverse
from reversion.models import Version

from portail.letters.models import Letter
from tests.accounts.factories import UserFactory
from tests.letters.factories import LetterFactory
from tests.places.admin_pages import assert_admin_pages_open, models_of

pytestmark = pytest.mark.django_db


def test_only_the_letter_models_are_in_the_admin_never_what_people_saved():
    assert [model._meta.model_name for model in models_of("letters")] == ["letter"]


def test_the_admin_pages_of_a_letter_open_with_its_history(client):
    letter = LetterFactory()
    assert_admin_pages_open(client, Letter, letter)

    history = client.get(reverse("admin:letters_letter_history", args=[letter.pk]))
    assert history.status_code == 200


def test_an_admin_edit_is_kept_in_the_history_and_a_broken_body_is_refused(client):
    letter = LetterFactory()
    client.force_login(UserFactory(staff=True, is_superuser=True))
    change_url = reverse("admin:letters_letter_change", args=[letter.pk])
    form = client.get(change_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["fields"] = form["fields"].value()
    data["sources"] = form["sources"].value()
    data["subjects"] = []

    refused = client.post(change_url, {**data, "body": "{% if %}"})
    assert refused.status_code == 200
    assert "ne se compile pas" in refused.content.decode()

    client.post(change_url, {**data, "title": "Nouveau titre"})
    letter.refresh_from_db()
    assert letter.title == "Nouveau titre"
    assert Version.objects.get_for_object(letter).count() == 1
