import pytest

from tests.places.admin_pages import assert_admin_pages_open, models_of
from tests.places.factories import CommuneFactory, QuartierFactory, SubjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db

FACTORIES = {
    "commune": CommuneFactory,
    "quartier": QuartierFactory,
    "subject": SubjectFactory,
    "theme": ThemeFactory,
}


def test_every_places_model_is_in_the_admin():
    assert {model._meta.model_name for model in models_of("places")} == set(FACTORIES)


@pytest.mark.parametrize("model", models_of("places"), ids=lambda m: m._meta.model_name)
def test_the_admin_pages_of_each_places_model_open_for_a_superuser(client, model):
    assert_admin_pages_open(client, model, FACTORIES[model._meta.model_name]())
