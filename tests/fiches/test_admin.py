import pytest
from django.urls import reverse
from reversion.models import Version

from portail.fiches.models import Fiche
from tests.accounts.factories import UserFactory
from tests.fiches.factories import FicheFactory
from tests.places.admin_pages import assert_admin_pages_open, models_of

pytestmark = pytest.mark.django_db


def test_the_fiche_is_in_the_admin_with_its_pages_and_history(client):
    assert models_of("fiches") == [Fiche]
    fiche = FicheFactory()
    assert_admin_pages_open(client, Fiche, fiche)

    history = client.get(reverse("admin:fiches_fiche_history", args=[fiche.pk]))
    assert history.status_code == 200


def test_an_admin_edit_is_kept_in_the_history_and_checked(client):
    fiche = FicheFactory()
    client.force_login(UserFactory(staff=True, is_superuser=True))
    change_url = reverse("admin:fiches_fiche_change", args=[fiche.pk])
    form = client.get(change_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(terms=[], organisations=[], letter="")
    six = '["Un.", "Deux.", "Trois.", "Quatre.", "Cinq.", "Six."]'

    refused = client.post(change_url, {**data, "summary_falc": six})
    assert refused.status_code == 200
    assert "« En bref » a de 1 à 5 phrases courtes." in refused.content.decode().replace(
        "&#x27;", "'"
    )

    client.post(change_url, {**data, "title": "Nouveau titre"})
    fiche.refresh_from_db()
    assert fiche.title == "Nouveau titre"
    assert Version.objects.get_for_object(fiche).count() == 1
