import pytest

from portail.core.management.commands.demo import create_demo_accounts
from portail.demandes.demo import load_demo
from portail.demandes.models import Demande
from portail.directory.content import load_organisations
from portail.groups.content import load_groups
from portail.places.content import load_places, load_subjects, load_themes

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_kind_and_state_and_can_be_loaded_twice():
    load_themes()
    load_subjects()
    load_places()
    load_organisations()
    load_groups()
    create_demo_accounts("un-mot-de-passe-de-demo-42")
    first = load_demo()
    second = load_demo()

    assert first.created == len(Demande.objects.all()) > 0
    assert second.created == 0 and second.unchanged == first.created
    assert set(Demande.objects.values_list("kind", flat=True)) == set(Demande.Kind.values)
    assert set(Demande.objects.values_list("status", flat=True)) == set(Demande.Status.values)
    assigned = Demande.objects.exclude(status=Demande.Status.NEW)
    assert set(assigned.values_list("assigned_group__slug", flat=True)) == {"groupe-logement"}
    for demande in Demande.objects.all():
        assert "démo" in demande.summary.lower()
        assert not demande.contact_email or demande.contact_email.endswith("@example.org")
