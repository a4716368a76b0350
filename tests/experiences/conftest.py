import pytest

from tests.groups.factories import GroupFactory


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement", slug="groupe-logement")
