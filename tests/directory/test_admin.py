import pytest

from tests.directory.factories import OrganisationFactory, OrganisationMemberFactory
from tests.places.admin_pages import assert_admin_pages_open, models_of

pytestmark = pytest.mark.django_db

FACTORIES = {
    "organisation": OrganisationFactory,
    "organisationmember": OrganisationMemberFactory,
}


def test_every_directory_model_is_in_the_admin():
    assert {model._meta.model_name for model in models_of("directory")} == set(FACTORIES)


@pytest.mark.parametrize("model", models_of("directory"), ids=lambda m: m._meta.model_name)
def test_the_admin_pages_of_each_directory_model_open_for_a_superuser(client, model):
    assert_admin_pages_open(client, model, FACTORIES[model._meta.model_name]())
