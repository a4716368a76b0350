"""What this room shows on other pages: the group's records on the group page (drafts for the
group only), and in Mon espace the person's savoir-faire and the facilitator's drafts and
attestations to sign."""

import pytest
from django.urls import reverse

from tests.experiences.factories import AttestationFactory, RecordFactory, SectionFactory
from tests.experiences.roles import ROLES, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(group):
    published = RecordFactory(group=group, published=True, title="Notre histoire publiée")
    SectionFactory(record=published)
    RecordFactory(group=group, title="Un brouillon du groupe")
    return published


@pytest.mark.parametrize("role", ROLES)
def test_the_group_page_lists_its_records(client, role, group, records):
    sign_in(client, role, group)

    html = client.get(group.get_absolute_url()).content.decode()

    assert "Nos récits d'expérience" in html
    assert "Notre histoire publiée" in html
    assert ("Un brouillon du groupe" in html) == (role in {"member", "facilitator", "staff"})
    assert ("Écrire un récit" in html) == (role in {"facilitator", "staff"})


def test_the_group_page_says_nothing_when_there_is_no_record(client, group):
    html = client.get(group.get_absolute_url()).content.decode()

    assert "Nos récits d'expérience" not in html


@pytest.mark.parametrize("role", ["resident", "member", "facilitator", "moderator"])
def test_mon_espace_shows_my_savoir_faire(client, role, group):
    sign_in(client, role, group)

    html = client.get(reverse("accounts:espace")).content.decode()

    assert 'id="espace-portfolio"' in html
    assert reverse("experiences:my_portfolio") in html


@pytest.mark.parametrize("role", ["resident", "member", "facilitator", "other_facilitator"])
def test_mon_espace_shows_drafts_and_requests_to_facilitators(client, role, group, records):
    AttestationFactory(group=group)
    sign_in(client, role, group)

    html = client.get(reverse("accounts:espace")).content.decode()

    is_facilitator = role in {"facilitator", "other_facilitator"}
    assert ('id="espace-recits"' in html) == is_facilitator
    assert ("Un brouillon du groupe" in html) == (role == "facilitator")
    if is_facilitator:
        assert f"Attestations à signer : {1 if role == 'facilitator' else 0}" in html
