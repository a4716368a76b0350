"""« Signaler aux animateurs »: a member of a groupe de parole alerts the group's facilitators
about a message. Who may report, who sees the reports (the group's facilitators, and nobody
else: not the moderators, not the staff, not the other members), once per person, the e-mail
that says nothing of the message nor of who reported, the two answers (hide, leave), and the
private pages that stay out of every cache."""

import pytest
from django.urls import reverse

from portail.forum.models import ForumModerationAction, ForumReport, Status
from portail.groups.models import Membership
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.forum.factories import (
    CharterAcceptanceFactory,
    PrivateReplyFactory,
    PrivateThreadFactory,
)
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "non_member",
    "member_without_charter",
    "member",
    "other_group_facilitator",
    "moderator",
    "staff",
    "facilitator",
]
INSIDERS = {"member", "facilitator"}
SECRET = "Madame Lefort du 12 rue des Lilas, mot-témoin zébrure."
COMMENT = "Précision-témoin : elle ne voulait pas que ça se sache."
REPORTER_NAME = "Pseudo-du-signaleur"


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement", slug="groupe-logement")


def member(group, role=Membership.Role.MEMBER, charter=True, **user_fields):
    user = UserFactory(**user_fields)
    MembershipFactory(group=group, user=user, role=role)
    if charter:
        CharterAcceptanceFactory(user=user, group=group)
    return user


@pytest.fixture
def post(group):
    """A message exposing someone, written by a member of the group."""
    thread = PrivateThreadFactory(group=group, author=member(group), title="Nos propriétaires")
    return PrivateReplyFactory(thread=thread, author=thread.author, text=SECRET)


@pytest.fixture
def reporter(group):
    return member(group, display_name=REPORTER_NAME)


def person(role, group):
    if role == "anonymous":
        return None
    if role == "member":
        return member(group)
    if role == "member_without_charter":
        return member(group, charter=False)
    if role == "facilitator":
        return member(group, role=Membership.Role.FACILITATOR)
    if role == "other_group_facilitator":
        return member(GroupFactory(name="Groupe Alpha"), role=Membership.Role.FACILITATOR)
    return UserFactory(**({} if role == "non_member" else {role: True}))


def sign_in(client, role, group):
    user = person(role, group)
    if user is not None:
        client.force_login(user)
    return user


def report_url(post):
    return reverse("forum:group_report", args=[post.thread.group.slug, post.pk])


def space_url(group):
    return reverse("forum:space", args=[group.slug])


def leave_url(post):
    return reverse("forum:group_leave_reported", args=[post.thread.group.slug, post.pk])


def hide_url(post):
    return reverse("forum:group_moderate", args=[post.thread.group.slug, post.pk])


def file_report(post, reporter, comment=COMMENT):
    return ForumReport.file_in_group(post, reporter, ForumReport.Reason.PERSONAL_DATA, comment)


def assert_login_redirect(response):
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


# --- Reporting ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_reporting_a_private_message_role_by_role(client, role, group, post):
    sign_in(client, role, group)

    shown = client.get(report_url(post))
    sent = client.post(report_url(post), {"reason": "donnees", "comment": COMMENT})

    if role == "anonymous":
        assert_login_redirect(shown)
        assert_login_redirect(sent)
    elif role == "member_without_charter":
        charter = reverse("forum:charter", args=[group.slug])
        assert shown.status_code == 302 and shown["Location"].startswith(charter)
        assert sent.status_code == 302 and sent["Location"].startswith(charter)
    elif role in INSIDERS:
        assert shown.status_code == 200
        assert "Qu'est-ce qui ne va pas ?" in page_text(shown)
        assert sent.status_code == 302 and sent["Location"] == post.get_absolute_url()
    else:
        assert shown.status_code == 404 and sent.status_code == 404
        assert SECRET not in page_text(shown)
    assert ForumReport.objects.count() == (1 if role in INSIDERS else 0)


def test_a_member_reports_a_message_and_goes_back_to_the_thread(client, group, post, reporter):
    client.force_login(reporter)

    response = client.post(report_url(post), {"reason": "donnees", "comment": COMMENT}, follow=True)

    assert "Les animateurs du groupe sont prévenus." in page_text(response)
    assert "Vous avez signalé ce message aux animateurs." in page_text(response)
    report = ForumReport.objects.get()
    assert (report.post, report.reporter, report.reason, report.comment) == (
        post,
        reporter,
        "donnees",
        COMMENT,
    )
    assert report.is_open


def test_every_message_of_someone_else_has_the_link_not_ones_own(client, group, post):
    client.force_login(post.author)
    own = client.get(post.thread.get_absolute_url())
    assert report_url(post) not in own.content.decode()
    assert client.get(report_url(post)).status_code == 404

    client.force_login(member(group))
    other = client.get(post.thread.get_absolute_url())
    assert report_url(post) in other.content.decode()
    assert report_url(post.thread.opening) in other.content.decode()


def test_a_member_reports_a_message_once(client, group, post, reporter):
    client.force_login(reporter)
    client.post(report_url(post), {"reason": "donnees"})

    again = client.post(report_url(post), {"reason": "abus"}, follow=True)
    page = client.get(report_url(post), follow=True)

    assert "Vous avez déjà signalé ce message" in page_text(again)
    assert "Vous avez déjà signalé ce message" in page_text(page)
    assert ForumReport.objects.count() == 1
    assert ForumReport.objects.get().reason == "donnees"


def test_a_member_reports_once_even_after_the_facilitators_left_the_message(group, post, reporter):
    report = file_report(post, reporter)
    report.handle(member(group, role=Membership.Role.FACILITATOR))

    assert file_report(post, reporter) is None
    assert file_report(post, member(group)) is not None


@pytest.mark.parametrize("what", ["hidden_message", "hidden_thread"])
def test_a_hidden_message_cannot_be_reported(client, group, post, reporter, what):
    facilitator = member(group, role=Membership.Role.FACILITATOR)
    (post if what == "hidden_message" else post.thread.opening).hide(facilitator, "Trop privé")
    client.force_login(reporter)

    assert client.get(report_url(post)).status_code == 404
    assert not ForumReport.objects.exists()


def test_a_report_without_reason_is_refused_and_the_comment_kept(client, post, reporter):
    client.force_login(reporter)

    response = client.post(report_url(post), {"comment": "Ma précision gardée."})

    assert response.status_code == 400
    assert "Choisissez une raison dans la liste." in page_text(response)
    assert "Ma précision gardée." in page_text(response)
    assert not ForumReport.objects.exists()


def test_reports_in_a_group_are_rate_limited_per_account(client, settings, group, reporter):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "forum_group_report": "2/h"}
    posts = PrivateReplyFactory.create_batch(
        3, thread=PrivateThreadFactory(group=group, author=member(group))
    )
    client.force_login(reporter)
    for post in posts[:2]:
        client.post(report_url(post), {"reason": "abus"})

    response = client.post(report_url(posts[2]), {"reason": "abus", "comment": "Gardé."})

    assert response.status_code == 429
    assert "Gardé." in page_text(response)
    assert ForumReport.objects.count() == 2


# --- The e-mail to the facilitators --------------------------------------------------------


def test_only_the_groups_facilitators_are_told_by_e_mail_without_the_text_nor_the_reporter(
    client, group, post, reporter, mailoutbox, django_capture_on_commit_callbacks
):
    facilitators = [member(group, role=Membership.Role.FACILITATOR) for _ in range(2)]
    member(group)
    member(GroupFactory(name="Groupe Alpha"), role=Membership.Role.FACILITATOR)
    UserFactory(moderator=True)
    UserFactory(staff=True)
    client.force_login(reporter)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(report_url(post), {"reason": "donnees", "comment": COMMENT})

    assert sorted(to for mail in mailoutbox for to in mail.to) == sorted(
        f.email for f in facilitators
    )
    for mail in mailoutbox:
        everything = f"{mail.subject}\n{mail.body}"
        assert "Groupe Logement" in everything
        # Not even the thread's title: in a groupe de parole it is often personal.
        assert "Nos propriétaires" not in everything
        assert f"{space_url(group)}#signalements" in mail.body
        assert SECRET not in everything and "zébrure" not in everything
        assert COMMENT not in everything
        assert REPORTER_NAME not in everything and reporter.email not in everything


def test_a_facilitator_who_reports_is_not_told_of_their_own_report(
    client, group, post, mailoutbox, django_capture_on_commit_callbacks
):
    other = member(group, role=Membership.Role.FACILITATOR)
    client.force_login(member(group, role=Membership.Role.FACILITATOR))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(report_url(post), {"reason": "abus"})

    assert [mail.to for mail in mailoutbox] == [[other.email]]


# --- The facilitators' block ----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_open_reports_are_listed_for_this_groups_facilitators_only(
    client, role, group, post, reporter
):
    file_report(post, reporter)
    sign_in(client, role, group)

    response = client.get(space_url(group))
    group_page = client.get(reverse("groups:detail", args=[group.slug]))

    if role == "facilitator":
        assert response.status_code == 200
        text = page_text(response)
        assert "Animation : 1 message signalé" in text
        assert SECRET in text and COMMENT in text
        assert "il reste une information personnelle" in text
        assert "1 message signalé aux animateurs" in page_text(group_page)
    else:
        assert COMMENT not in page_text(response)
        assert "signalé aux animateurs" not in page_text(group_page)
        assert COMMENT not in page_text(group_page)
    if role == "member":
        assert response.status_code == 200
        assert "Animation :" not in page_text(response)


def test_the_facilitators_do_not_see_who_reported(client, group, post, reporter):
    file_report(post, reporter)
    client.force_login(member(group, role=Membership.Role.FACILITATOR))

    text = page_text(client.get(space_url(group)))

    assert COMMENT in text
    assert REPORTER_NAME not in text and reporter.email not in text


def test_a_facilitator_sees_a_reported_message_marked_in_its_thread(client, group, post, reporter):
    file_report(post, reporter)
    client.force_login(member(group, role=Membership.Role.FACILITATOR))

    text = page_text(client.get(post.thread.get_absolute_url()))

    assert "Ce message est signalé aux animateurs" in text
    assert REPORTER_NAME not in text


def test_a_facilitator_hides_the_reported_message_and_its_reports_are_closed(
    client, group, post, reporter
):
    report = file_report(post, reporter)
    second = file_report(post, member(group))
    facilitator = member(group, role=Membership.Role.FACILITATOR)
    client.force_login(facilitator)

    response = client.post(
        hide_url(post),
        {"action": "masquer", "depuis": "signalements", f"m{post.pk}-motif": "Une adresse."},
    )

    assert response.status_code == 302
    assert response["Location"] == f"{space_url(group)}#signalements"
    post.refresh_from_db()
    assert post.status == Status.HIDDEN and post.hidden_reason == "Une adresse."
    for open_report in (report, second):
        open_report.refresh_from_db()
        assert not open_report.is_open and open_report.handled_by == facilitator
    assert "Aucun message signalé aux animateurs." in page_text(client.get(space_url(group)))


def test_hiding_without_a_reason_comes_back_to_the_block_with_the_error(
    client, group, post, reporter
):
    file_report(post, reporter)
    client.force_login(member(group, role=Membership.Role.FACILITATOR))

    response = client.post(
        hide_url(post), {"action": "masquer", "depuis": "signalements", f"m{post.pk}-motif": ""}
    )

    assert response.status_code == 400
    assert "Dites pourquoi le message est masqué." in page_text(response)
    assert "Animation : 1 message signalé" in page_text(response)
    post.refresh_from_db()
    assert post.is_published and ForumReport.objects.get().is_open


def test_a_facilitator_leaves_the_message_and_the_report_is_closed(client, group, post, reporter):
    report = file_report(post, reporter)
    facilitator = member(group, role=Membership.Role.FACILITATOR)
    client.force_login(facilitator)

    response = client.post(leave_url(post), follow=True)

    assert "Le signalement est clos : le message reste visible." in page_text(response)
    report.refresh_from_db()
    post.refresh_from_db()
    assert not report.is_open and report.handled_by == facilitator
    assert post.is_published
    assert ForumModerationAction.objects.filter(
        post=post, action=ForumModerationAction.Action.REPORT_HANDLED
    ).exists()


@pytest.mark.parametrize("role", [r for r in ROLES if r != "facilitator"])
def test_only_this_groups_facilitators_can_answer_a_report(client, role, group, post, reporter):
    file_report(post, reporter)
    sign_in(client, role, group)

    left = client.post(leave_url(post))
    hidden = client.post(
        hide_url(post), {"action": "masquer", "depuis": "signalements", f"m{post.pk}-motif": "x"}
    )

    assert left.status_code in (302, 404) and hidden.status_code in (302, 404)
    if role in ("member", "non_member", "other_group_facilitator", "moderator", "staff"):
        assert left.status_code == 404 and hidden.status_code == 404
    post.refresh_from_db()
    assert post.is_published and ForumReport.objects.get().is_open


# --- Never outside the group ----------------------------------------------------------------


def test_the_moderators_reports_page_never_lists_a_private_report(client, group, post, reporter):
    report = file_report(post, reporter)
    client.force_login(UserFactory(moderator=True))

    response = client.get(reverse("questions:reports"))
    handled = client.post(
        reverse("forum:handle_report", args=[report.pk]), {"action": "garder"}, follow=True
    )

    assert response.status_code == 200
    text = page_text(response)
    assert COMMENT not in text and SECRET not in text and "Nos propriétaires" not in text
    assert "Forum : 0 message" in text
    assert "Ce signalement est déjà traité ou n'existe plus." in page_text(handled)
    report.refresh_from_db()
    assert report.is_open
    assert list(ForumReport.open()) == []


def test_the_admin_never_lists_a_private_report(admin_client, group, post, reporter):
    file_report(post, reporter)

    response = admin_client.get(reverse("admin:forum_forumreport_changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    assert COMMENT not in page_text(response)


@pytest.mark.parametrize("page", ["thread", "report", "space"])
def test_the_private_pages_stay_uncached_and_unindexed(client, group, post, reporter, page):
    file_report(post, member(group))
    client.force_login(member(group, role=Membership.Role.FACILITATOR))
    url = {
        "thread": post.thread.get_absolute_url(),
        "report": report_url(post),
        "space": space_url(group),
    }[page]

    response = client.get(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
