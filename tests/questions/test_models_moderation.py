"""The state changes of a question, each through a model method that writes the audit trail."""

import pytest

from portail.questions.models import (
    InvalidTransition,
    ModerationAction,
    Piste,
    Question,
)
from tests.accounts.factories import UserFactory
from tests.places.factories import SubjectFactory, ThemeFactory
from tests.questions.factories import PisteFactory, QuestionFactory, ReportFactory

pytestmark = pytest.mark.django_db

Status = Question.Status
Action = ModerationAction.Action


@pytest.fixture
def moderator():
    return UserFactory(moderator=True)


def only_action(question):
    actions = list(question.actions.all())
    assert len(actions) == 1, [a.action for a in actions]
    return actions[0]


# --- Moderation ----------------------------------------------------------------------------------


def test_approving_publishes_the_masked_text_and_records_who(moderator):
    question = QuestionFactory()

    question.approve(moderator)

    question.refresh_from_db()
    assert question.status == Status.PUBLISHED
    assert question.is_public is True
    assert question.published_at is not None
    action = only_action(question)
    assert action.action == Action.APPROVE
    assert action.actor == moderator
    assert action.details == {"changes": {}}


def test_approving_an_edited_text_records_the_text_before_and_after(moderator):
    question = QuestionFactory()
    before = question.text

    question.approve(moderator, text="Mon propriétaire garde ma caution.")

    question.refresh_from_db()
    assert question.text == "Mon propriétaire garde ma caution."
    assert only_action(question).details["changes"]["text"] == [
        before,
        "Mon propriétaire garde ma caution.",
    ]
    assert only_action(question).changes() == [
        ("texte", before, "Mon propriétaire garde ma caution.")
    ]


def test_approving_without_consent_keeps_the_question_private(moderator):
    question = QuestionFactory(consent_publication=False)

    question.approve(moderator)

    question.refresh_from_db()
    assert question.status == Status.PUBLISHED
    assert question.is_public is False
    assert only_action(question).action == Action.PRIVATE


def test_keeping_private_a_consenting_question_does_not_publish_it(moderator):
    question = QuestionFactory(consent_publication=True)

    question.keep_private(moderator)

    question.refresh_from_db()
    assert (question.status, question.is_public) == (Status.PUBLISHED, False)
    assert question.is_approved
    assert only_action(question).action == Action.PRIVATE


def test_rejecting_keeps_the_reason_for_the_asker_and_the_audit(moderator):
    question = QuestionFactory()

    question.reject(moderator, "Ce message ne parle pas de droits.")

    question.refresh_from_db()
    assert question.status == Status.REJECTED
    assert question.is_public is False
    assert question.rejection_reason == "Ce message ne parle pas de droits."
    assert question.closed_at is not None
    action = only_action(question)
    assert action.details == {"reason": "Ce message ne parle pas de droits."}
    assert action.note() == "Ce message ne parle pas de droits."


def test_rejecting_without_a_reason_is_refused(moderator):
    question = QuestionFactory()

    with pytest.raises(InvalidTransition):
        question.reject(moderator, "   ")

    question.refresh_from_db()
    assert question.status == Status.RECEIVED
    assert not question.actions.exists()


@pytest.mark.parametrize(
    "decide",
    [
        lambda q, by: q.approve(by),
        lambda q, by: q.keep_private(by),
        lambda q, by: q.reject(by, "Motif"),
        lambda q, by: q.mark_duplicate(by, QuestionFactory(published=True)),
    ],
    ids=["approve", "keep_private", "reject", "duplicate"],
)
@pytest.mark.parametrize("trait", ["published", "private", "rejected", "answered", "duplicate"])
def test_a_question_is_moderated_once_only(moderator, decide, trait):
    question = QuestionFactory(**{trait: True})
    status = question.status

    with pytest.raises(InvalidTransition):
        decide(question, moderator)

    question.refresh_from_db()
    assert question.status == status
    assert not question.actions.exists()


# --- Duplicates ----------------------------------------------------------------------------------


def test_a_duplicate_follows_the_original_which_counts_one_more_me_too(moderator):
    original = QuestionFactory(published=True, me_too_count=2)
    question = QuestionFactory()

    question.mark_duplicate(moderator, original)

    question.refresh_from_db()
    original.refresh_from_db()
    assert question.status == Status.DUPLICATE
    assert question.is_public is False
    assert question.duplicate_of == original
    assert question.followed_question == original
    assert original.me_too_count == 3
    assert only_action(question).details == {"original": original.pk}
    assert only_action(question).note() == f"réunie avec la question n° {original.pk}"


def test_a_duplicate_of_a_duplicate_points_to_the_first_original(moderator):
    original = QuestionFactory(published=True)
    first = QuestionFactory()
    first.mark_duplicate(moderator, original)
    second = QuestionFactory()

    second.mark_duplicate(moderator, first)

    second.refresh_from_db()
    original.refresh_from_db()
    assert second.duplicate_of == original
    assert second.followed_question == original
    assert original.me_too_count == 2


def test_a_question_cannot_be_its_own_duplicate(moderator):
    question = QuestionFactory()

    with pytest.raises(InvalidTransition):
        question.mark_duplicate(moderator, question)

    assert Question.objects.get(pk=question.pk).status == Status.RECEIVED


@pytest.mark.parametrize("trait", ["private", "rejected"])
def test_only_a_published_question_can_be_the_original(moderator, trait):
    original = QuestionFactory(**{trait: True})
    question = QuestionFactory()

    with pytest.raises(InvalidTransition):
        question.mark_duplicate(moderator, original)

    question.refresh_from_db()
    original.refresh_from_db()
    assert question.status == Status.RECEIVED
    assert original.me_too_count == 0


def test_an_original_still_awaiting_moderation_is_refused(moderator):
    with pytest.raises(InvalidTransition):
        QuestionFactory().mark_duplicate(moderator, QuestionFactory())


# --- The group's work ----------------------------------------------------------------------------


def test_classifying_records_the_theme_and_subject_before_and_after():
    member = UserFactory(member=True)
    old_theme = ThemeFactory(name="Ancien thème")
    subject = SubjectFactory(title="Dépôt de garantie")
    question = QuestionFactory(published=True, theme=old_theme)

    question.classify(member, subject.theme, subject)

    question.refresh_from_db()
    assert (question.theme, question.subject) == (subject.theme, subject)
    action = only_action(question)
    assert action.action == Action.CLASSIFY
    assert action.actor == member
    assert action.details["changes"] == {
        "theme": ["Ancien thème", str(subject.theme)],
        "subject": ["", "Dépôt de garantie"],
    }


def test_adding_a_piste_marks_the_question_answered_with_its_links():
    member = UserFactory(member=True)
    question = QuestionFactory(published=True)

    piste = question.add_piste(
        member,
        ["Relire le bail.", "Écrire au bailleur."],
        intro="Quelques mots.",
        contact="La permanence du mardi.",
        links={"organisation": ["adil-42", "centre-social", "adil-42"]},
    )

    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert question.answered_at is not None
    assert piste.steps == ["Relire le bail.", "Écrire au bailleur."]
    assert piste.author == member
    assert list(piste.links.values_list("kind", "target", "order")) == [
        ("organisation", "adil-42", 0),
        ("organisation", "centre-social", 1),
    ]
    assert only_action(question).details == {"piste": piste.pk}


def test_a_second_piste_keeps_the_first_answer_date():
    member = UserFactory(member=True)
    question = QuestionFactory(published=True)
    question.add_piste(member, ["Première étape."])
    first_date = Question.objects.get(pk=question.pk).answered_at

    question.add_piste(member, ["Autre étape."])

    question.refresh_from_db()
    assert question.answered_at == first_date
    assert question.pistes.count() == 2


UNAPPROVED = [{}, {"rejected": True}, {"duplicate": True}]
UNAPPROVED_IDS = ["received", "rejected", "duplicate"]


@pytest.mark.parametrize("traits", UNAPPROVED, ids=UNAPPROVED_IDS)
def test_a_piste_needs_an_approved_open_question(traits):
    question = QuestionFactory(**traits)

    with pytest.raises(InvalidTransition):
        question.add_piste(UserFactory(member=True), ["Une étape."])

    assert not Piste.objects.filter(question=question).exists()


def test_a_closed_question_gets_no_more_piste():
    member = UserFactory(member=True)
    question = QuestionFactory(published=True)
    question.close(member, "Plus de nouvelles.")

    with pytest.raises(InvalidTransition):
        question.add_piste(member, ["Une étape."])

    assert not question.pistes.exists()


def test_revising_a_piste_records_each_changed_part():
    member = UserFactory(member=True)
    piste = PisteFactory(steps=["Étape une."], contact="", intro="")

    changed = piste.revise(
        member, ["Étape une.", "Étape deux."], contact="Le CCAS.", links={"organisation": ["a"]}
    )

    assert changed is True
    piste.refresh_from_db()
    assert piste.steps == ["Étape une.", "Étape deux."]
    action = piste.question.actions.get()
    assert action.action == Action.PISTE_EDIT
    assert action.details["changes"] == {
        "steps": [["Étape une."], ["Étape une.", "Étape deux."]],
        "contact": ["", "Le CCAS."],
        "links": [{}, {"organisation": ["a"]}],
    }
    labels = [label for label, _before, _after in action.changes()]
    assert labels == ["étapes", "à qui s'adresser", "liens"]


def test_revising_a_piste_without_change_records_nothing():
    piste = PisteFactory()

    changed = piste.revise(
        UserFactory(member=True), piste.steps, intro=piste.intro, contact=piste.contact
    )

    assert changed is False
    assert not piste.question.actions.exists()


@pytest.mark.parametrize("trait", ["published", "answered"])
def test_a_published_or_answered_question_can_be_resolved(trait):
    member = UserFactory(member=True)
    question = QuestionFactory(**{trait: True})

    question.resolve(member)

    question.refresh_from_db()
    assert question.status == Status.RESOLVED
    assert question.closed_at is not None
    assert only_action(question).action == Action.RESOLVE


def test_the_asker_resolves_without_an_account():
    question = QuestionFactory(answered=True)

    question.resolve()

    assert only_action(question).actor is None


@pytest.mark.parametrize("trait", ["published", "answered", "resolved"])
def test_closing_records_the_reason(trait):
    member = UserFactory(member=True)
    question = QuestionFactory(**{trait: True})

    question.close(member, "La personne a déménagé.")

    question.refresh_from_db()
    assert question.status == Status.CLOSED
    assert only_action(question).details == {"reason": "La personne a déménagé."}


@pytest.mark.parametrize("traits", UNAPPROVED, ids=UNAPPROVED_IDS)
def test_unapproved_questions_cannot_be_resolved_or_closed(traits):
    question = QuestionFactory(**traits)

    with pytest.raises(InvalidTransition):
        question.resolve(UserFactory(member=True))
    with pytest.raises(InvalidTransition):
        question.close(UserFactory(member=True), "Motif")

    assert not question.actions.exists()


def test_a_resolved_question_cannot_be_resolved_again():
    question = QuestionFactory(resolved=True)

    with pytest.raises(InvalidTransition):
        question.resolve()


# --- Reports and edits ---------------------------------------------------------------------------


def test_unpublishing_takes_the_question_off_the_portal_and_records_why(moderator):
    question = QuestionFactory(answered=True)

    question.unpublish(moderator, "Un prénom restait dans le texte.")

    question.refresh_from_db()
    assert question.is_public is False
    assert question.status == Status.ANSWERED
    assert question not in Question.objects.public()
    assert question in Question.objects.for_group_work()
    action = only_action(question)
    assert action.action == Action.UNPUBLISH
    assert action.details == {"reason": "Un prénom restait dans le texte."}


def test_unpublishing_needs_a_reason(moderator):
    question = QuestionFactory(published=True)

    with pytest.raises(InvalidTransition):
        question.unpublish(moderator, "")

    assert Question.objects.get(pk=question.pk).is_public is True


def test_editing_the_text_masks_it_again_and_records_before_and_after(moderator):
    question = QuestionFactory(published=True)
    before = question.text

    changed = question.edit_text(moderator, "Appelez Samia au 06 12 34 56 78 pour la caution.")

    question.refresh_from_db()
    assert changed is True
    assert "06 12 34 56 78" not in question.text
    assert "caution" in question.text
    action = only_action(question)
    assert action.action == Action.EDIT
    assert action.details["changes"]["text"] == [before, question.text]


def test_editing_to_the_same_text_records_nothing(moderator):
    question = QuestionFactory(published=True, text="Ma caution n'est pas rendue.")

    changed = question.edit_text(moderator, "Ma caution n'est pas rendue.")

    assert changed is False
    assert not question.actions.exists()


def test_handling_a_report_records_who_and_which_report(moderator):
    report = ReportFactory()

    report.handle(moderator)

    report.refresh_from_db()
    assert report.handled_by == moderator
    assert report.is_open is False
    action = only_action(report.question)
    assert action.action == Action.REPORT_HANDLED
    assert action.note() == f"signalement n° {report.pk}"


# --- QuerySets -----------------------------------------------------------------------------------


def test_the_questions_to_answer_are_the_approved_ones_without_piste_oldest_first():
    newer = QuestionFactory(published=True)
    older = QuestionFactory(private=True, created_at=newer.created_at.replace(year=2020))
    QuestionFactory(answered=True)
    QuestionFactory()
    QuestionFactory(rejected=True)

    assert list(Question.objects.to_answer()) == [older, newer]


def test_searching_the_text_looks_at_every_word_of_the_masked_text_only():
    caution = QuestionFactory(published=True, text="Le propriétaire garde la caution.")
    QuestionFactory(published=True, text="La caution est rendue.")

    found = Question.objects.public().containing("propriétaire caution")
    by_original = Question.objects.public().containing("Samia")

    assert list(found) == [caution]
    assert not by_original.exists()
