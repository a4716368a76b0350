"""The moderation queue and the page of one question: what a moderator sees and each decision."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portail.questions.models import ModerationAction, Question
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.places.factories import QuartierFactory, ThemeFactory
from tests.questions.factories import (
    EMAIL_MARKER,
    ORIGINAL_MARKER,
    PHONE_MARKER,
    QuestionFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db

QUEUE = reverse("questions:moderation")


def text_of(response):
    """The page's words without the tags, as read on screen."""
    return " ".join(re.sub(r"<[^>]+>", " ", page_text(response)).split())


def moderate(question):
    return reverse("questions:moderate", args=[question.pk])


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def moderator(client):
    user = UserFactory(moderator=True, display_name="Modé Rateur")
    client.force_login(user)
    return user


# --- The queue -----------------------------------------------------------------------------------


def test_the_queue_lists_new_questions_only_the_oldest_first(client, moderator):
    newer = QuestionFactory(created_at=days_ago(1))
    older = QuestionFactory(created_at=days_ago(3))
    QuestionFactory(published=True)
    QuestionFactory(rejected=True)

    response = client.get(QUEUE)

    content = response.content.decode()
    assert response.status_code == 200
    assert [q.pk for q in response.context["page"].object_list] == [older.pk, newer.pk]
    assert content.index(moderate(older)) < content.index(moderate(newer))
    assert "no-cache" in response["Cache-Control"]


def test_the_queue_counts_what_waits(client, moderator):
    QuestionFactory(kind=Question.Kind.TESTIMONY)
    QuestionFactory(consent_publication=False)
    QuestionFactory(entered_by=UserFactory(member=True), origin=Question.Origin.PAPER)
    ReportFactory()
    ReportFactory(handled_at=timezone.now())

    response = client.get(QUEUE)

    assert response.context["counts"] == {
        "total": 3,
        "testimonies": 1,
        "without_consent": 1,
        "entered": 1,
        "reports": 1,
    }
    content = text_of(response)
    assert "1 signalement ouvert" in content
    assert "Saisie sur papier" in content


def test_the_queue_shows_the_masked_text_not_the_original(client, moderator):
    question = QuestionFactory()

    content = page_text(client.get(QUEUE))

    assert question.text[:60] in content
    assert ORIGINAL_MARKER not in content
    assert PHONE_MARKER not in content


def test_the_queue_says_when_nothing_waits(client, moderator):
    content = page_text(client.get(QUEUE))

    assert "Aucune question à relire pour le moment" in content


def test_the_queue_is_paginated(client, moderator):
    QuestionFactory.create_batch(51)

    first = client.get(QUEUE)
    second = client.get(QUEUE, {"page": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 1


def test_the_queue_runs_a_bounded_number_of_queries(
    client, moderator, django_assert_max_num_queries
):
    theme, quartier = ThemeFactory(), QuartierFactory()
    QuestionFactory.create_batch(
        30, theme=theme, quartier=quartier, entered_by=UserFactory(member=True)
    )

    with django_assert_max_num_queries(8):
        response = client.get(QUEUE)

    assert response.status_code == 200


# --- One question --------------------------------------------------------------------------------


def test_the_page_shows_the_original_with_personal_data_highlighted(client, moderator):
    question = QuestionFactory()

    response = client.get(moderate(question))

    content = response.content.decode()
    assert response.status_code == 200
    assert f'<mark class="donnee-perso" data-kind="nom">{ORIGINAL_MARKER}' in content
    assert f'<mark class="donnee-perso" data-kind="telephone">{PHONE_MARKER}' in content
    # Not colour only: each mark says what it is to screen readers.
    assert '<span class="visuellement-cache"> (' in content
    assert "2 données personnelles repérées" in page_text(response)


def test_the_original_text_is_escaped_inside_and_outside_the_marks(client, moderator):
    original = "<script>alert(1)</script> Appelez <b>Samia</b> au 06 12 34 56 78."
    start = original.index("06")
    question = QuestionFactory(
        original_text=original,
        detected_spans=[
            {"start": start, "end": start + 14, "kind": "telephone"},
            {"start": original.index("<b>"), "end": original.index("</b>") + 4, "kind": "nom"},
        ],
    )

    content = client.get(moderate(question)).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert '<mark class="donnee-perso" data-kind="nom">&lt;b&gt;Samia&lt;/b&gt;' in content
    assert "<b>Samia</b>" not in content


def test_the_page_shows_what_the_person_gave(client, moderator):
    theme = ThemeFactory(name="Logement")
    quartier = QuartierFactory(name="Montreynaud")
    member = UserFactory(member=True, display_name="Nadia du groupe")
    question = QuestionFactory(
        email=EMAIL_MARKER,
        theme=theme,
        quartier=quartier,
        consent_publication=False,
        origin=Question.Origin.PHONE,
        origin_detail="Permanence du mardi",
        entered_by=member,
        kind=Question.Kind.TESTIMONY,
    )

    content = page_text(client.get(moderate(question)))

    # That an address was given, not the address: moderators never write to people themselves.
    assert EMAIL_MARKER not in content
    assert "Oui : la personne sera prévenue par e-mail" in content
    assert "Logement" in content
    assert "Montreynaud" in content
    assert "Non : la question restera privée." in content
    assert "Par téléphone — Permanence du mardi (saisie par Nadia du groupe)" in content
    assert f"Témoignage n° {question.pk}" in content


def test_the_approval_form_is_pre_filled_with_the_masked_text(client, moderator):
    question = QuestionFactory()

    response = client.get(moderate(question))

    assert response.context["approve_form"]["texte"].value() == question.text
    assert 'name="action" value="publier"' in response.content.decode()


def test_without_consent_the_page_explains_it_stays_private_and_offers_no_publication(
    client, moderator
):
    question = QuestionFactory(consent_publication=False)

    response = client.get(moderate(question))

    content = response.content.decode()
    assert "restera privée" in page_text(response)
    assert 'value="publier"' not in content
    assert 'value="privee"' in content


def test_a_question_already_moderated_shows_its_state_and_no_decision(client, moderator):
    question = QuestionFactory(rejected=True)

    response = client.get(moderate(question))

    content = page_text(response)
    assert "Cette question a déjà été relue" in content
    assert question.rejection_reason in content
    assert 'value="refuser"' not in response.content.decode()


def test_an_unknown_question_is_a_404(client, moderator):
    assert client.get(reverse("questions:moderate", args=[999999])).status_code == 404


# --- Decisions -----------------------------------------------------------------------------------


def test_publishing_goes_to_the_next_question_with_a_message(client, moderator):
    question = QuestionFactory(created_at=days_ago(2))
    following = QuestionFactory(created_at=days_ago(1))

    response = client.post(moderate(question), {"action": "publier", "texte": question.text})

    assert response.status_code == 302
    assert response["Location"] == moderate(following)
    question.refresh_from_db()
    assert (question.status, question.is_public) == (Question.Status.PUBLISHED, True)
    action = question.actions.get()
    assert (action.action, action.actor) == (ModerationAction.Action.APPROVE, moderator)
    content = page_text(client.get(response["Location"]))
    assert f"La question n° {question.pk} est publiée. Voici la suivante." in content


def test_the_last_decision_goes_back_to_the_empty_queue(client, moderator):
    question = QuestionFactory()

    response = client.post(moderate(question), {"action": "publier", "texte": question.text})

    assert response["Location"] == QUEUE
    assert "Il n'y a plus de question à relire." in page_text(client.get(QUEUE))


def test_publishing_an_edited_text_records_it(client, moderator):
    question = QuestionFactory()
    before = question.text

    client.post(moderate(question), {"action": "publier", "texte": "  Ma caution, que faire ?  "})

    question.refresh_from_db()
    assert question.text == "Ma caution, que faire ?"
    assert question.actions.get().details["changes"]["text"] == [before, question.text]


def test_an_empty_text_is_refused_and_the_page_comes_back(client, moderator):
    question = QuestionFactory()

    response = client.post(moderate(question), {"action": "publier", "texte": "   "})

    assert response.status_code == 400
    assert "Le texte à publier est vide" in page_text(response)
    assert Question.objects.get(pk=question.pk).status == Question.Status.RECEIVED


def test_keeping_private_does_not_publish(client, moderator):
    question = QuestionFactory(consent_publication=True)

    client.post(moderate(question), {"action": "privee", "texte": question.text})

    question.refresh_from_db()
    assert (question.status, question.is_public) == (Question.Status.PUBLISHED, False)
    assert question.actions.get().action == ModerationAction.Action.PRIVATE


def test_a_forged_publish_without_consent_keeps_the_question_private(client, moderator):
    question = QuestionFactory(consent_publication=False)

    client.post(moderate(question), {"action": "publier", "texte": question.text})

    question.refresh_from_db()
    assert (question.status, question.is_public) == (Question.Status.PUBLISHED, False)


def test_rejecting_sends_the_reason_to_the_asker(
    client, moderator, django_capture_on_commit_callbacks
):
    question = QuestionFactory(email=EMAIL_MARKER)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            moderate(question), {"action": "refuser", "motif": "Ce n'est pas une question."}
        )

    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED
    assert question.rejection_reason == "Ce n'est pas une question."
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL_MARKER]
    assert "Ce n'est pas une question." in message.body
    assert "&#x27;" not in message.body
    assert "Le motif est envoyé à la personne par e-mail." in page_text(
        client.get(response["Location"])
    )


def test_rejecting_a_question_without_email_sends_nothing(
    client, moderator, django_capture_on_commit_callbacks
):
    question = QuestionFactory(email="")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate(question), {"action": "refuser", "motif": "Hors sujet."})

    assert Question.objects.get(pk=question.pk).status == Question.Status.REJECTED
    assert mail.outbox == []


def test_rejecting_without_a_reason_keeps_the_page_and_sends_nothing(
    client, moderator, django_capture_on_commit_callbacks
):
    question = QuestionFactory(email=EMAIL_MARKER)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(moderate(question), {"action": "refuser", "motif": ""})

    assert response.status_code == 400
    assert "Donnez le motif du refus" in page_text(response)
    assert Question.objects.get(pk=question.pk).status == Question.Status.RECEIVED
    assert mail.outbox == []


def test_a_too_long_reason_is_refused_with_the_text_kept(client, moderator):
    question = QuestionFactory()
    reason = "Trop long. " * 200

    response = client.post(moderate(question), {"action": "refuser", "motif": reason})

    assert response.status_code == 400
    assert "Ce texte est trop long" in page_text(response)
    assert response.context["reject_form"]["motif"].value() == reason


def test_merging_by_number_follows_the_original_and_tells_the_asker(
    client, moderator, django_capture_on_commit_callbacks
):
    original = QuestionFactory(published=True)
    question = QuestionFactory(email=EMAIL_MARKER)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            moderate(question), {"action": "doublon", "originale": str(original.pk)}
        )

    assert response.status_code == 302
    question.refresh_from_db()
    original.refresh_from_db()
    assert question.duplicate_of == original
    assert original.me_too_count == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL_MARKER]
    assert original.get_absolute_url() in mail.outbox[0].body


def test_merging_into_an_answered_question_says_a_piste_is_waiting(
    client, moderator, django_capture_on_commit_callbacks
):
    original = QuestionFactory(answered=True)
    question = QuestionFactory(email=EMAIL_MARKER)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate(question), {"action": "doublon", "originale": original.pk})

    assert "le groupe y a déjà donné une piste" in mail.outbox[0].body


def test_the_asker_reads_the_refusal_reason_with_the_follow_up_link(client, moderator):
    question, token = Question.submit(
        text="Ceci est un message sans rapport avec les droits.", consent_publication=True
    )
    client.post(moderate(question), {"action": "refuser", "motif": "Ce message est hors sujet."})
    client.logout()

    content = page_text(client.get(reverse("questions:follow", args=[token])))

    assert "Ce message est hors sujet." in content


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Indiquez le numéro de la question d'origine."),
        ("abc", "s'écrit avec des chiffres"),
        ("999999", "Aucune question publiée ne porte le numéro 999999."),
    ],
)
def test_a_wrong_original_number_is_explained(client, moderator, value, message):
    question = QuestionFactory()

    response = client.post(moderate(question), {"action": "doublon", "originale": value})

    assert response.status_code == 400
    assert message in page_text(response)
    assert Question.objects.get(pk=question.pk).status == Question.Status.RECEIVED


def test_a_private_question_cannot_be_the_original(client, moderator):
    private = QuestionFactory(private=True)
    question = QuestionFactory()

    response = client.post(moderate(question), {"action": "doublon", "originale": private.pk})

    assert response.status_code == 400
    assert f"Aucune question publiée ne porte le numéro {private.pk}." in page_text(response)


def test_the_own_number_is_refused_as_original(client, moderator):
    question = QuestionFactory()

    response = client.post(moderate(question), {"action": "doublon", "originale": question.pk})

    assert "C'est le numéro de cette question-ci" in page_text(response)


def test_searching_published_questions_offers_one_button_per_result(client, moderator):
    match = QuestionFactory(published=True, text="Le bailleur garde la caution depuis un an.")
    QuestionFactory(published=True, text="Le chauffage est en panne.")
    QuestionFactory(private=True, text="Caution gardée, question privée.")
    question = QuestionFactory()

    response = client.get(moderate(question), {"recherche": "caution"})

    assert [r.pk for r in response.context["results"]] == [match.pk]
    content = response.content.decode()
    assert f'name="originale" value="{match.pk}"' in content
    assert f"Réunir avec la question n° {match.pk}" in page_text(response)


def test_a_search_without_result_says_so(client, moderator):
    question = QuestionFactory()

    content = page_text(client.get(moderate(question), {"recherche": "introuvable"}))

    assert "Aucune question publiée ne contient ces mots." in content


def test_deciding_twice_is_refused_with_a_message(client, moderator):
    question = QuestionFactory(published=True)

    response = client.post(moderate(question), {"action": "refuser", "motif": "Motif"}, follow=True)

    assert "Cette question a déjà été traitée par la modération." in page_text(response)
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED
    assert not question.actions.exists()


def test_an_unknown_button_changes_nothing(client, moderator):
    question = QuestionFactory()

    response = client.post(moderate(question), {"action": "effacer"}, follow=True)

    assert "Ce bouton n'est pas reconnu" in page_text(response)
    assert Question.objects.get(pk=question.pk).status == Question.Status.RECEIVED


def test_a_post_without_csrf_token_is_refused(moderator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    question = QuestionFactory()

    response = client.post(moderate(question), {"action": "publier", "texte": question.text})

    assert response.status_code == 403
    assert Question.objects.get(pk=question.pk).status == Question.Status.RECEIVED


def test_the_page_lists_the_question_history(client, moderator):
    question = QuestionFactory(published=True)
    question.record(ModerationAction.Action.APPROVE, moderator)

    content = page_text(client.get(moderate(question)))

    assert "Publiée (Modé Rateur)" in content
