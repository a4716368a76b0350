"""Who reaches the team side, role by role: moderation (queue, one question with its original
text and e-mail, audit trail, reports) for moderators only; the état des lieux, the work page and
the pistes for group members and moderators, on approved questions only."""

import pytest
from django.urls import reverse

from portail.questions.models import Question
from tests.accounts.factories import UserFactory
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.questions.factories import (
    EMAIL_MARKER,
    ORIGINAL_MARKER,
    PHONE_MARKER,
    QuestionFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "member", "other_group_member", "partner", "moderator", "staff"]
MODERATORS = {"moderator", "staff"}
TEAM = {"member", "other_group_member", "moderator", "staff"}


def sign_in(client, role):
    if role == "anonymous":
        return None
    if role == "other_group_member":
        GroupFactory(name="Le groupe des autres")
        user = UserFactory()
        MembershipFactory(user=user, group=GroupFactory(name="Un autre groupe"))
    else:
        traits = {"resident": {}}.get(role, {role: True})
        user = UserFactory(**traits)
    client.force_login(user)
    return user


def expected(role, allowed, when_allowed=200):
    if role == "anonymous":
        return 302
    return when_allowed if role in allowed else 403


def assert_status(response, status):
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.fixture
def question():
    return QuestionFactory(email=EMAIL_MARKER)


# --- Moderation pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "page",
    ["moderation", "moderate", "audit", "reports"],
)
def test_moderation_pages_are_for_moderators_only(client, role, page, question):
    ReportFactory()
    sign_in(client, role)
    url = reverse(f"questions:{page}", args=[question.pk] if page == "moderate" else [])

    response = client.get(url)

    assert_status(response, expected(role, MODERATORS))


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_can_decide(client, role, question):
    sign_in(client, role)

    client.post(
        reverse("questions:moderate", args=[question.pk]),
        {"action": "publier", "texte": question.text},
    )

    question.refresh_from_db()
    published = question.status == Question.Status.PUBLISHED
    assert published is (role in MODERATORS)


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_can_handle_reports(client, role):
    report = ReportFactory()
    sign_in(client, role)

    client.post(reverse("questions:reports"), {"signalement": report.pk, "action": "traite"})

    report.refresh_from_db()
    assert (report.handled_at is not None) is (role in MODERATORS)


# --- The original text, the e-mail, the moderation notes -----------------------------------------


def team_pages(received, published, rejected):
    return [
        reverse("questions:moderation"),
        reverse("questions:moderate", args=[received.pk]),
        reverse("questions:moderate", args=[rejected.pk]),
        reverse("questions:audit"),
        reverse("questions:reports"),
        reverse("questions:inventory"),
        reverse("questions:inventory_csv"),
        reverse("questions:work", args=[published.pk]),
        reverse("questions:answer", args=[published.pk]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_originals_and_refusal_notes_reach_moderators_only_and_emails_nobody(client, role):
    received = QuestionFactory(email=EMAIL_MARKER)
    published = QuestionFactory(published=True, email=EMAIL_MARKER)
    rejected = QuestionFactory(
        rejected=True, email=EMAIL_MARKER, rejection_reason="Note de modération secrète"
    )
    ReportFactory(question=published)
    published.record("publication", None)
    sign_in(client, role)

    seen = "".join(
        client.get(url).content.decode() for url in team_pages(received, published, rejected)
    )

    is_moderator = role in MODERATORS
    assert (ORIGINAL_MARKER in seen) is is_moderator
    assert (PHONE_MARKER in seen) is is_moderator
    # Moderators see that an address was given, never the address itself.
    assert EMAIL_MARKER not in seen
    assert ("Note de modération secrète" in seen) is is_moderator


# --- The état des lieux --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["inventory", "inventory_csv"])
def test_the_inventory_is_for_group_members_and_moderators(client, role, page):
    sign_in(client, role)

    response = client.get(reverse(f"questions:{page}"))

    assert_status(response, expected(role, TEAM))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["work", "answer"])
@pytest.mark.parametrize("trait", ["published", "private", "answered"])
def test_approved_questions_are_worked_on_by_members_and_moderators(client, role, page, trait):
    question = QuestionFactory(**{trait: True})
    sign_in(client, role)

    response = client.get(reverse(f"questions:{page}", args=[question.pk]))

    assert_status(response, expected(role, TEAM))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["work", "answer"])
@pytest.mark.parametrize("traits", [{}, {"rejected": True}, {"duplicate": True}])
def test_questions_not_approved_are_not_found_on_the_team_side(client, role, page, traits):
    question = QuestionFactory(**traits)
    sign_in(client, role)

    response = client.get(reverse(f"questions:{page}", args=[question.pk]))

    assert_status(response, expected(role, TEAM, when_allowed=404))


@pytest.mark.parametrize("role", ROLES)
def test_only_the_team_can_answer(client, role):
    question = QuestionFactory(published=True)
    sign_in(client, role)

    client.post(reverse("questions:answer", args=[question.pk]), {"etapes": "Une étape."})

    assert question.pistes.exists() is (role in TEAM)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_team_can_classify_resolve_or_close(client, role):
    question = QuestionFactory(answered=True)
    sign_in(client, role)

    client.post(reverse("questions:work", args=[question.pk]), {"action": "resolue"})

    question.refresh_from_db()
    assert (question.status == Question.Status.RESOLVED) is (role in TEAM)


def test_an_inactive_moderator_is_sent_to_the_login_page(client):
    user = UserFactory(moderator=True)
    client.force_login(user)
    user.is_active = False
    user.save()

    response = client.get(reverse("questions:moderation"))

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("role", "links"),
    [
        ("resident", set()),
        ("partner", set()),
        ("member", {"inventory"}),
        ("moderator", {"moderation", "reports", "audit", "inventory"}),
        ("staff", {"moderation", "reports", "audit", "inventory"}),
    ],
)
def test_my_space_links_to_the_team_pages_of_my_roles(client, role, links):
    sign_in(client, role)

    content = client.get(reverse("accounts:espace")).content.decode()

    for name in ("moderation", "reports", "audit", "inventory"):
        assert (f'href="{reverse(f"questions:{name}")}"' in content) is (name in links)
