"""Readers' reports on public messages: a button on every published message, once per browser,
rate limited per address; the moderators see them on the shared reports page and keep or hide
the message."""

import pytest
from django.urls import reverse

from portail.forum.models import ForumModerationAction, ForumReport, Status
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.forum.factories import (
    ForumReportFactory,
    PrivateThreadFactory,
    PublicThreadFactory,
    ReplyFactory,
)
from tests.questions.factories import ReportFactory

pytestmark = pytest.mark.django_db

REPORTS = reverse("questions:reports")
Action = ForumModerationAction.Action


def report_url(post):
    return reverse("forum:report", args=[post.pk])


def test_every_published_message_has_a_report_link(client):
    thread = PublicThreadFactory(published=True)
    reply = ReplyFactory(thread=thread, published=True)

    content = client.get(thread.get_absolute_url()).content.decode()

    assert report_url(thread.opening) in content
    assert report_url(reply) in content


def test_a_reader_reports_a_message_without_an_account(client):
    reply = ReplyFactory(published=True)

    form = client.get(report_url(reply))
    response = client.post(
        report_url(reply), {"reason": "donnees", "comment": "Il reste un prénom."}
    )

    assert form.status_code == 200 and form["X-Robots-Tag"] == "noindex, nofollow"
    assert reply.text in page_text(form)
    assert response.status_code == 302
    report = ForumReport.objects.get()
    assert report.post == reply and report.reason == "donnees" and report.is_open
    assert report.browser_hash and "navigateur" in response.cookies


def test_a_browser_reports_a_message_once(client):
    reply = ReplyFactory(published=True)

    client.post(report_url(reply), {"reason": "abus"})
    client.post(report_url(reply), {"reason": "spam"})

    assert ForumReport.objects.count() == 1


def test_a_report_without_reason_is_refused_and_the_comment_kept(client):
    reply = ReplyFactory(published=True)

    response = client.post(report_url(reply), {"comment": "Ma précision gardée."})

    assert response.status_code == 400
    assert "Choisissez une raison dans la liste." in page_text(response)
    assert "Ma précision gardée." in page_text(response)
    assert not ForumReport.objects.exists()


def test_reports_are_rate_limited_per_address(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report_ip": "2/h"}
    replies = ReplyFactory.create_batch(3, published=True)
    for reply in replies[:2]:
        client.post(report_url(reply), {"reason": "abus"})

    response = client.post(report_url(replies[2]), {"reason": "abus", "comment": "Gardé."})

    assert response.status_code == 429
    assert "Gardé." in page_text(response)
    assert ForumReport.objects.count() == 2


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.HIDDEN])
def test_only_published_messages_can_be_reported(client, status):
    reply = ReplyFactory(status=status)

    assert client.get(report_url(reply)).status_code == 404


def test_a_private_message_cannot_be_reported_to_the_portal(client):
    post = PrivateThreadFactory().opening

    assert client.get(report_url(post)).status_code == 404
    assert client.post(report_url(post), {"reason": "abus"}).status_code == 404
    assert not ForumReport.objects.exists()


@pytest.fixture
def moderator(client):
    user = UserFactory(moderator=True)
    client.force_login(user)
    return user


def test_forum_reports_appear_with_the_question_reports(client, moderator):
    question_report = ReportFactory()
    report = ForumReportFactory(comment="Un prénom reste.")
    ForumReportFactory(handled_at=report.created_at)

    content = page_text(client.get(REPORTS))

    assert f"Question n° {question_report.question_id}" in content
    assert "Forum : 1 message signalé" in content
    assert f"Message du forum n° {report.post_id}" in content
    assert report.post.text in content and "Un prénom reste." in content
    assert reverse("forum:handle_report", args=[report.pk]) in content


def test_keeping_a_reported_message_handles_the_report(client, moderator):
    report = ForumReportFactory()

    response = client.post(reverse("forum:handle_report", args=[report.pk]), {"action": "garder"})

    assert response["Location"] == REPORTS
    report.refresh_from_db()
    assert report.handled_by == moderator
    assert report.post.status == Status.PUBLISHED
    assert report.post.actions.get().action == Action.REPORT_HANDLED


def test_hiding_a_reported_message_takes_it_off_and_handles_all_its_reports(client, moderator):
    report = ForumReportFactory()
    other = ForumReportFactory(post=report.post)
    url = reverse("forum:handle_report", args=[report.pk])

    response = client.post(url, {"action": "masquer", f"f{report.pk}-motif": "Propos blessants."})

    assert response["Location"] == REPORTS
    post = report.post
    post.refresh_from_db()
    assert post.status == Status.HIDDEN and post.hidden_reason == "Propos blessants."
    assert not ForumReport.objects.filter(handled_at__isnull=True).exists()
    assert other.pk in [r.pk for r in ForumReport.objects.filter(handled_by=moderator)]
    assert post.text not in page_text(client.get(post.thread.get_absolute_url()))
    client.logout()
    assert post.text not in page_text(client.get(post.thread.get_absolute_url()))


def test_hiding_without_a_reason_keeps_the_report_open(client, moderator):
    report = ForumReportFactory()

    response = client.post(
        reverse("forum:handle_report", args=[report.pk]),
        {"action": "masquer", f"f{report.pk}-motif": ""},
    )

    assert response.status_code == 400
    assert "Dites pourquoi le message est masqué." in page_text(response)
    report.refresh_from_db()
    assert report.is_open and report.post.status == Status.PUBLISHED


def test_hiding_the_opening_message_takes_the_whole_thread_off(client, moderator):
    thread = PublicThreadFactory(published=True)
    report = ForumReportFactory(post=thread.opening)

    client.post(
        reverse("forum:handle_report", args=[report.pk]),
        {"action": "masquer", f"f{report.pk}-motif": "Un nom."},
    )

    client.logout()
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert thread.title not in page_text(client.get(reverse("forum:index")))


@pytest.mark.parametrize("role", ["resident", "member", "partner"])
def test_only_moderators_handle_reports(client, role):
    report = ForumReportFactory()
    client.force_login(UserFactory(**({} if role == "resident" else {role: True})))

    response = client.post(reverse("forum:handle_report", args=[report.pk]), {"action": "garder"})

    assert response.status_code == 403
    report.refresh_from_db()
    assert report.is_open
