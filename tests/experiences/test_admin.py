"""The staff manage the shared list of skills, the records and the attestations in the admin."""

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.experiences.factories import AttestationFactory, RecordFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["skill", "experiencerecord", "portfoliosettings", "attestation"])
def test_the_admin_lists_and_opens_each_model(client, model):
    section = SectionFactory(record=RecordFactory())
    attestation = AttestationFactory()
    client.force_login(UserFactory(staff=True, is_superuser=True))
    objects = {"experiencerecord": section.record, "attestation": attestation}

    assert client.get(reverse(f"admin:experiences_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:experiences_{model}_add")).status_code == 200
    if model in objects:
        url = reverse(f"admin:experiences_{model}_change", args=[objects[model].pk])
        assert client.get(url).status_code == 200


def test_the_staff_add_a_skill_and_its_key_is_computed(client):
    from portail.experiences.models import Skill

    client.force_login(UserFactory(staff=True, is_superuser=True))

    client.post(
        reverse("admin:experiences_skill_add"),
        {"name": "Écrire une lettre", "slug": "ecrire-une-lettre", "description": ""},
    )
    duplicate = client.post(
        reverse("admin:experiences_skill_add"),
        {"name": "ecrire une  LETTRE", "slug": "autre", "description": ""},
    )

    assert Skill.objects.get().key == "ecrire une lettre"
    assert "Ce savoir-faire est déjà dans la liste : « Écrire une lettre »." in (
        duplicate.content.decode()
    )
