"""A person's savoir-faire: gathered from the record sections they present (published records)
and the events they attended or organised; seen by themselves, public only if they choose."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from portail.experiences.models import PortfolioSettings
from portail.experiences.portfolio import actions_of, public_actions, skills_from
from tests.accounts.factories import UserFactory
from tests.experiences.factories import (
    EventFactory,
    PortfolioSettingsFactory,
    RecordFactory,
    SectionFactory,
    SkillFactory,
    attend,
)
from tests.experiences.roles import ROLES, assert_login_redirect, sign_in
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def skills():
    return {
        slug: SkillFactory(name=slug.replace("-", " "), slug=slug)
        for slug in ("savoir-animer", "ecouter", "preparer-une-rencontre", "en-brouillon")
    }


@pytest.fixture
def amina(group, skills):
    amina = UserFactory(display_name="Amina")
    MembershipFactory(user=amina, group=group)
    record = RecordFactory(group=group, published=True, title="Notre histoire")
    SectionFactory(
        record=record, kind="restitution", presenters=[amina], skills=[skills["savoir-animer"]]
    )
    draft = RecordFactory(group=group, title="Pas encore publié")
    SectionFactory(record=draft, presenters=[amina], skills=[skills["en-brouillon"]])
    attend(
        EventFactory(title="Forum logement", groups=[group], skills=[skills["savoir-animer"]]),
        amina,
    )
    attend(EventFactory(title="Absente ce jour-là", skills=[skills["ecouter"]]), amina, False)
    EventFactory(
        title="Réunion de l'immeuble",
        created_by=amina,
        groups=[group],
        skills=[skills["preparer-une-rencontre"]],
    )
    EventFactory(
        title="Pas encore passée",
        created_by=amina,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        skills=[skills["ecouter"]],
    )
    return amina


def test_actions_come_from_published_sections_and_events_attended_or_organised(amina):
    labels = [action.label for action in actions_of(amina)]

    assert sorted(labels) == sorted(
        [
            "A présenté « Restitution » du récit « Notre histoire »",
            "A participé : Forum logement",
            "A organisé : Réunion de l'immeuble",
        ]
    )


def test_skills_are_counted_by_action(amina):
    tallies = [(t.skill.slug, t.count) for t in skills_from(actions_of(amina))]

    assert tallies == [("savoir-animer", 2), ("preparer-une-rencontre", 1)]


def test_actions_can_be_limited_to_one_group(amina, group):
    other = GroupFactory()
    attend(EventFactory(title="Chez les voisins", groups=[other]), amina)

    assert "A participé : Chez les voisins" in [a.label for a in actions_of(amina)]
    assert "A participé : Chez les voisins" not in [a.label for a in actions_of(amina, group=group)]


def test_the_public_portfolio_shows_sections_only_with_consent_to_be_named(amina):
    actions = actions_of(amina)
    assert "A présenté" not in " ".join(a.label for a in public_actions(amina, actions))

    PortfolioSettingsFactory(user=amina, named_in_records=True)
    amina.refresh_from_db()
    assert "A présenté" in " ".join(a.label for a in public_actions(amina, actions))


def test_the_public_portfolio_leaves_out_private_groups(amina, group):
    group.is_public = False
    group.save()
    PortfolioSettingsFactory(user=amina, named_in_records=True)
    amina.refresh_from_db()

    assert public_actions(amina, actions_of(amina)) == []


def test_my_portfolio_shows_my_skills_and_actions(client, amina):
    client.force_login(amina)

    response = client.get(reverse("experiences:my_portfolio"))

    html = response.content.decode()
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert "savoir animer" in html and "(2 actions)" in html
    assert "A participé : Forum logement" in html
    assert "en brouillon" not in html


@pytest.mark.parametrize("role", ROLES)
def test_a_private_portfolio_is_nobodys_business(client, role, group, amina):
    settings = PortfolioSettingsFactory(user=amina, portfolio_public=False)
    sign_in(client, role, group)

    response = client.get(reverse("experiences:public_portfolio", args=[settings.public_key]))

    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_a_public_portfolio_is_seen_by_everyone(client, role, group, amina):
    settings = PortfolioSettingsFactory(user=amina, portfolio_public=True)
    sign_in(client, role, group)

    response = client.get(reverse("experiences:public_portfolio", args=[settings.public_key]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Les savoir-faire de Amina" in html and "savoir animer" in html
    assert "A participé : Forum logement" in html
    assert amina.email not in html


@pytest.mark.parametrize("role", ROLES)
def test_my_portfolio_page_is_mine_only(client, role, group, amina):
    user = sign_in(client, role, group)

    response = client.get(reverse("experiences:my_portfolio"))

    if user is None:
        assert_login_redirect(response)
    else:
        assert response.status_code == 200
        assert "Forum logement" not in response.content.decode()


def test_an_unknown_or_closed_account_has_no_public_portfolio(client, amina):
    settings = PortfolioSettingsFactory(user=amina, portfolio_public=True)
    assert client.get(reverse("experiences:public_portfolio", args=["inconnu"])).status_code == 404
    amina.is_active = False
    amina.save()

    url = reverse("experiences:public_portfolio", args=[settings.public_key])
    assert client.get(url).status_code == 404


def test_a_person_chooses_what_to_show(client, amina, group):
    client.force_login(amina)

    client.post(
        reverse("experiences:portfolio_settings"),
        {"named_in_records": "on", "portfolio_public": "on"},
    )
    settings = PortfolioSettings.objects.get(user=amina)
    assert settings.named_in_records and settings.portfolio_public
    html = client.get(reverse("experiences:my_portfolio")).content.decode()
    assert settings.get_public_url() in html

    client.post(reverse("experiences:portfolio_settings"), {})
    settings.refresh_from_db()
    assert not settings.named_in_records and not settings.portfolio_public
    assert client.get(settings.get_public_url()).status_code == 404


def test_consent_changes_what_a_record_says_at_once(client, amina, group):
    record = amina.presented_sections.get(record__status="publie").record
    assert "Amina" not in client.get(record.get_absolute_url()).content.decode()

    client.force_login(amina)
    client.post(reverse("experiences:portfolio_settings"), {"named_in_records": "on"})
    client.logout()

    assert "Amina" in client.get(record.get_absolute_url()).content.decode()


def test_the_settings_are_post_only(client, amina):
    client.force_login(amina)

    assert client.get(reverse("experiences:portfolio_settings")).status_code == 405


def test_a_cancelled_event_is_not_counted_as_organised(amina):
    from portail.events.models import Event

    Event.objects.filter(title="Réunion de l'immeuble").update(
        cancelled_at=timezone.now(), cancellation_reason="Salle fermée"
    )

    labels = [action.label for action in actions_of(amina)]

    assert "A organisé : Réunion de l'immeuble" not in labels
