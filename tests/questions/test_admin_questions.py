"""The questions room in the admin: every page opens, the state and the original text are
read-only, the audit trail and the reactions cannot be edited, edits are recorded."""

import pytest
from django.contrib import admin
from django.urls import reverse

from portail.questions.models import ModerationAction, Question, Report
from tests.accounts.factories import UserFactory
from tests.places.admin_pages import assert_admin_pages_open, models_of
from tests.questions.factories import (
    PisteFactory,
    QuestionFactory,
    ReactionFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db

EDITABLE = {
    "question": lambda: QuestionFactory(published=True, text="Ma caution pas rendue"),
    "piste": PisteFactory,
    "report": ReportFactory,
}
READ_ONLY = {
    "moderationaction": lambda: QuestionFactory().record(
        ModerationAction.Action.APPROVE, UserFactory(moderator=True)
    ),
    "reaction": ReactionFactory,
}


@pytest.fixture
def superuser(client):
    user = UserFactory(staff=True, is_superuser=True)
    client.force_login(user)
    return user


def admin_url(obj, page, *args):
    return reverse(f"admin:questions_{obj._meta.model_name}_{page}", args=args)


def test_every_questions_model_is_in_the_admin():
    assert {model._meta.model_name for model in models_of("questions")} == {
        *EDITABLE,
        *READ_ONLY,
    }


@pytest.mark.parametrize("name", sorted(EDITABLE))
def test_the_admin_pages_of_each_editable_model_open(client, name):
    obj = EDITABLE[name]()

    assert_admin_pages_open(client, type(obj), obj)


@pytest.mark.parametrize("name", sorted(READ_ONLY))
def test_read_only_models_are_listed_and_shown_but_never_added_or_changed(client, superuser, name):
    obj = READ_ONLY[name]()

    changelist = client.get(admin_url(obj, "changelist"))
    change = client.get(admin_url(obj, "change", obj.pk))
    add = client.get(admin_url(obj, "add"))
    delete = client.get(admin_url(obj, "delete", obj.pk))

    assert changelist.status_code == 200
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    assert add.status_code == 403
    assert delete.status_code == 403


def test_the_question_state_and_original_text_are_read_only(superuser):
    readonly = admin.site._registry[Question].get_readonly_fields(None)

    assert {"status", "is_public", "original_text", "detected_spans"} <= set(readonly)


def test_the_admin_never_shows_the_hashes(client, superuser):
    question = QuestionFactory()
    report = ReportFactory(question=question)

    question_page = client.get(admin_url(question, "change", question.pk)).content.decode()
    report_page = client.get(admin_url(report, "change", report.pk)).content.decode()

    assert question.follow_token_hash not in question_page
    assert report.browser_hash not in report_page


def test_editing_the_text_in_the_admin_is_recorded(client, superuser):
    question = QuestionFactory(published=True, text="Texte avant.")
    url = admin_url(question, "change", question.pk)
    form = client.get(url).context["adminform"].form
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name in form.fields
    }
    data.update(
        {
            "text": "Texte après.",
            "pistes-TOTAL_FORMS": "0",
            "pistes-INITIAL_FORMS": "0",
            "pistes-MIN_NUM_FORMS": "0",
            "pistes-MAX_NUM_FORMS": "1000",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    action = question.actions.get()
    assert action.action == ModerationAction.Action.EDIT
    assert action.actor == superuser
    assert action.details["changes"]["text"] == ["Texte avant.", "Texte après."]


def test_reports_can_be_marked_handled_from_the_list(client, superuser):
    reports = ReportFactory.create_batch(2)

    response = client.post(
        reverse("admin:questions_report_changelist"),
        {"action": "mark_handled", "_selected_action": [r.pk for r in reports]},
        follow=True,
    )

    assert "2 signalements marqués comme traités." in response.content.decode()
    assert not Report.objects.filter(handled_at__isnull=True).exists()
    assert (
        ModerationAction.objects.filter(action=ModerationAction.Action.REPORT_HANDLED).count() == 2
    )
