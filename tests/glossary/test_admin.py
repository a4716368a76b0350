import pytest
from django.urls import reverse
from reversion.models import Version

from portail.glossary.models import Term
from tests.accounts.factories import UserFactory
from tests.glossary.factories import TermFactory
from tests.places.admin_pages import assert_admin_pages_open
from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(staff=True, is_superuser=True))
    return client


def test_the_admin_pages_of_the_glossary_open_for_a_superuser(client):
    assert_admin_pages_open(client, Term, TermFactory(term="Bail"))


def test_the_admin_finds_a_word_by_another_name_accents_and_plural_ignored(staff_client):
    TermFactory(term="Dépôt de garantie", aliases=["caution", "dépôt"])
    TermFactory(term="Loyer")

    content = staff_client.get(
        reverse("admin:glossary_term_changelist"), {"q": "depots"}
    ).content.decode()

    assert "Dépôt de garantie" in content
    assert "Loyer" not in content


def test_the_admin_filters_words_by_theme(staff_client):
    housing = ThemeFactory(slug="logement", name="Logement")
    TermFactory(term="Bail", themes=[housing])
    TermFactory(term="Mutuelle")

    content = staff_client.get(
        reverse("admin:glossary_term_changelist"), {"themes__id__exact": housing.pk}
    ).content.decode()

    assert "Bail" in content
    assert "Mutuelle" not in content


def _form(term, **changes):
    data = {
        "term": term.term,
        "slug": term.slug,
        "aliases": "[]",
        "definition": term.definition,
        "example": term.example,
        "not_to_confuse": "[]",
        "sources": "[]",
        "verified_on": "2026-11-24",
        "verified_by": "Équipe du portail",
    }
    data.update(changes)
    return data


def test_an_admin_edit_is_kept_in_the_history(staff_client):
    term = TermFactory(term="Bail")
    url = reverse("admin:glossary_term_change", args=[term.pk])

    response = staff_client.post(url, _form(term, definition="Contrat de location écrit."))

    assert response.status_code == 302
    version = Version.objects.get_for_object(term).get()
    assert version.field_dict["definition"] == "Contrat de location écrit."
    history = staff_client.get(reverse("admin:glossary_term_history", args=[term.pk]))
    assert history.status_code == 200


def test_the_admin_refuses_a_definition_over_40_words(staff_client):
    term = TermFactory(term="Bail")
    url = reverse("admin:glossary_term_change", args=[term.pk])

    response = staff_client.post(url, _form(term, definition=" ".join(["mot"] * 41)))

    assert response.status_code == 200
    assert "La définition fait 41 mots : 40 au plus." in response.content.decode()
    term.refresh_from_db()
    assert term.definition == "Une explication courte et simple."
