"""Readers' reports: the open ones with the reported content, and the three ways to handle them."""

import pytest
from django.urls import reverse
from django.utils import timezone

from portail.questions.models import ModerationAction, Question, Report
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.questions.factories import PisteFactory, QuestionFactory, ReportFactory

pytestmark = pytest.mark.django_db

REPORTS = reverse("questions:reports")
Action = ModerationAction.Action


@pytest.fixture
def moderator(client):
    user = UserFactory(moderator=True)
    client.force_login(user)
    return user


def test_open_reports_are_listed_with_the_reported_text(client, moderator):
    report = ReportFactory(comment="Il reste le prénom <b>Samia</b>.")
    ReportFactory(handled_at=timezone.now(), comment="Déjà vu.")

    response = client.get(REPORTS)

    content = page_text(response)
    assert response.status_code == 200
    assert [r.pk for r in response.context["page"].object_list] == [report.pk]
    assert report.question.text in content
    assert "Il reste le prénom &lt;b&gt;Samia&lt;/b&gt;." in response.content.decode()
    assert "Déjà vu." not in content


def test_a_reported_piste_is_shown_with_a_link_to_edit_it(client, moderator):
    piste = PisteFactory(steps=["Une étape douteuse."])
    ReportFactory(question=piste.question, piste=piste, reason=Report.Reason.WRONG)

    response = client.get(REPORTS)

    content = page_text(response)
    assert "La piste signalée" in content
    assert "Une étape douteuse." in content
    assert reverse("questions:edit_answer", args=[piste.question_id, piste.pk]) in content


def test_marking_a_report_handled(client, moderator):
    report = ReportFactory()

    response = client.post(REPORTS, {"signalement": report.pk, "action": "traite"})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.handled_by == moderator
    assert report.question.actions.get().action == Action.REPORT_HANDLED
    assert "Le signalement est marqué comme traité." in page_text(client.get(REPORTS))


def test_unpublishing_takes_the_question_off_and_handles_all_its_reports(client, moderator):
    question = QuestionFactory(answered=True)
    first = ReportFactory(question=question)
    second = ReportFactory(question=question)

    response = client.post(
        REPORTS, {"signalement": first.pk, "action": "retirer", f"s{first.pk}-motif": "Un nom."}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.is_public is False
    assert not Report.objects.filter(handled_at__isnull=True).exists()
    actions = {a.action for a in question.actions.all()}
    assert actions == {Action.UNPUBLISH, Action.REPORT_HANDLED}
    assert second.pk in [r.pk for r in Report.objects.filter(handled_by=moderator)]


def test_unpublishing_without_a_reason_keeps_the_page(client, moderator):
    report = ReportFactory()

    response = client.post(
        REPORTS, {"signalement": report.pk, "action": "retirer", f"s{report.pk}-motif": " "}
    )

    assert response.status_code == 400
    assert "Dites pourquoi la question est retirée du portail." in page_text(response)
    assert Question.objects.get(pk=report.question_id).is_public is True
    assert Report.objects.get(pk=report.pk).handled_at is None


def test_correcting_the_text_masks_it_again(client, moderator):
    report = ReportFactory()

    client.post(
        REPORTS,
        {
            "signalement": report.pk,
            "action": "modifier",
            f"s{report.pk}-texte": "Appelez-moi au 06 98 76 54 32, c'est pour la caution.",
        },
    )

    question = Question.objects.get(pk=report.question_id)
    assert "06 98 76 54 32" not in question.text
    assert "caution" in question.text
    assert Report.objects.get(pk=report.pk).handled_at is not None
    edit = question.actions.get(action=Action.EDIT)
    assert edit.details["changes"]["text"][1] == question.text


def test_an_empty_correction_is_refused_with_the_page_back(client, moderator):
    report = ReportFactory()

    response = client.post(
        REPORTS, {"signalement": report.pk, "action": "modifier", f"s{report.pk}-texte": ""}
    )

    assert response.status_code == 400
    assert "Le texte est vide" in page_text(response)
    assert Report.objects.get(pk=report.pk).handled_at is None


@pytest.mark.parametrize("value", ["", "abc", "999999"])
def test_an_unknown_report_is_explained(client, moderator, value):
    response = client.post(REPORTS, {"signalement": value, "action": "traite"}, follow=True)

    assert "Ce signalement est déjà traité ou n'existe plus." in page_text(response)


def test_an_already_handled_report_is_not_handled_twice(client, moderator):
    report = ReportFactory(handled_at=timezone.now())

    client.post(REPORTS, {"signalement": report.pk, "action": "traite"})

    assert not report.question.actions.exists()


def test_an_unknown_button_changes_nothing(client, moderator):
    report = ReportFactory()

    response = client.post(REPORTS, {"signalement": report.pk, "action": "supprimer"}, follow=True)

    assert "Ce bouton n'est pas reconnu" in page_text(response)
    assert Report.objects.get(pk=report.pk).handled_at is None


def test_the_reports_page_runs_a_bounded_number_of_queries(
    client, moderator, django_assert_max_num_queries
):
    for piste in PisteFactory.create_batch(10):
        ReportFactory(question=piste.question, piste=piste)
    ReportFactory.create_batch(10)

    with django_assert_max_num_queries(8):
        response = client.get(REPORTS)

    assert len(response.context["page"].object_list) == 20
