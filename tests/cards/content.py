"""The real content (content/) loaded once per test module, with our reviewed cards and the
generated ones, rolled back after the module. Use: `from tests.cards.content import cards_content`
then `pytestmark = pytest.mark.usefixtures("cards_content")`."""

import pytest
from django.db import transaction

from portail.cards.content import load_cards
from portail.cards.generate import generate_cards
from portail.core.content import load_content


@pytest.fixture(scope="module")
def cards_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_content()
        reviewed = load_cards()
        generated = generate_cards()
        yield {"reviewed": reviewed, "generated": generated}
        transaction.set_rollback(True)
