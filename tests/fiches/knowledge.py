"""The real knowledge base (content/), loaded once per test module and rolled back after it.

Import the fixture in a test module: `from tests.fiches.knowledge import knowledge_base`."""

import pytest
from django.db import transaction

from portail.core.content import load_content


@pytest.fixture(scope="module")
def knowledge_base(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        tallies = load_content()
        yield tallies
        transaction.set_rollback(True)
