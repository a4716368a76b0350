from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import transaction

from portail.core.tasks import send_email, send_templated_email

pytestmark = pytest.mark.django_db

TEST_TEMPLATES = Path(__file__).parent / "templates"


@pytest.fixture
def email_templates(settings):
    engine = {**django_settings.TEMPLATES[0]}
    engine["DIRS"] = [*engine["DIRS"], TEST_TEMPLATES]
    settings.TEMPLATES = [engine]


def test_send_email_sends_from_the_portal_address(settings):
    settings.DEFAULT_FROM_EMAIL = "Portail <ne-pas-repondre@droits.example>"

    send_email.enqueue(
        subject="Essai",
        body="Bonjour",
        to=["habitant@exemple.org"],
        html_body="<p>Bonjour</p>",
        reply_to=["groupe@exemple.org"],
    )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.from_email == "Portail <ne-pas-repondre@droits.example>"
    assert message.to == ["habitant@exemple.org"]
    assert message.reply_to == ["groupe@exemple.org"]
    assert message.alternatives[0] == ("<p>Bonjour</p>", "text/html")


def test_a_templated_email_leaves_once_the_transaction_commits(
    email_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send_templated_email(
            "core_tests/email/reponse",
            {"name": "Awa", "link": "https://droits.example/q/1"},
            "awa@exemple.org",
        )
        assert mail.outbox == []

    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["awa@exemple.org"]
    assert message.subject == "Bonjour Awa, votre réponse est arrivée"
    assert "Le groupe a répondu à votre question." in message.body
    assert "https://droits.example/q/1" in message.body


def test_a_templated_email_goes_to_every_recipient(
    email_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            "core_tests/email/reponse",
            {"name": "vous", "link": ""},
            ["a@exemple.org", "b@exemple.org"],
            reply_to=["groupe@exemple.org"],
        )

    assert mail.outbox[0].to == ["a@exemple.org", "b@exemple.org"]
    assert mail.outbox[0].reply_to == ["groupe@exemple.org"]


def test_the_subject_stays_on_one_line_even_with_a_newline_in_the_data(
    email_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            "core_tests/email/reponse", {"name": "Awa\nBcc: x@y.z", "link": ""}, "a@exemple.org"
        )

    subject = mail.outbox[0].subject
    assert "\n" not in subject
    assert "\r" not in subject


def test_a_plain_text_email_is_not_html_escaped(
    email_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            "core_tests/email/reponse",
            {"name": "Portail d'accès <droits> & co", "link": "https://droits.example/?a=1&b=2"},
            "a@exemple.org",
        )

    message = mail.outbox[0]
    assert message.subject == "Bonjour Portail d'accès <droits> & co, votre réponse est arrivée"
    assert "Bonjour Portail d'accès <droits> & co," in message.body
    assert "https://droits.example/?a=1&b=2" in message.body
    assert "&#x27;" not in message.body


@pytest.mark.django_db(transaction=True)
def test_no_email_leaves_when_the_transaction_rolls_back(email_templates):
    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), transaction.atomic():
        send_templated_email("core_tests/email/reponse", {"name": "Awa"}, "awa@exemple.org")
        raise Abandon

    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_an_email_sent_outside_a_transaction_leaves_at_once(email_templates):
    send_templated_email("core_tests/email/reponse", {"name": "Awa"}, "awa@exemple.org")
    assert len(mail.outbox) == 1


def test_with_the_database_queue_the_email_waits_for_the_worker(
    email_templates, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email("core_tests/email/reponse", {"name": "Awa"}, "awa@exemple.org")

    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "portail.core.tasks.send_email"
    assert queued.args_kwargs["kwargs"]["to"] == ["awa@exemple.org"]
