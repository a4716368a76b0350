"""A group member's work on one question: classify it (with the suggestion), answer with a piste,
edit the piste, say it is resolved or close it; the asker is told by e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from portail.questions.forms.team import STEP_MAX_LENGTH, STEPS_MAX
from portail.questions.models import ModerationAction, Question
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.directory.factories import OrganisationFactory
from tests.places.factories import SubjectFactory, ThemeFactory
from tests.questions.factories import (
    EMAIL_MARKER,
    ORIGINAL_MARKER,
    PHONE_MARKER,
    PisteFactory,
    PisteLinkFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db


def text_of(response):
    return " ".join(re.sub(r"<[^>]+>", " ", page_text(response)).split())


def work(question):
    return reverse("questions:work", args=[question.pk])


def answer(question):
    return reverse("questions:answer", args=[question.pk])


@pytest.fixture
def member(client):
    user = UserFactory(member=True, display_name="Nadia")
    client.force_login(user)
    return user


@pytest.fixture
def deposit():
    theme = ThemeFactory(name="Logement")
    return SubjectFactory(
        key="depot-de-garantie",
        title="Dépôt de garantie (caution)",
        description="Dépôt de garantie : restitution, retenues.",
        theme=theme,
    )


# --- The work page and classification ------------------------------------------------------------


def test_the_work_page_shows_the_masked_text_never_the_original_or_email(client, member):
    question = QuestionFactory(published=True, email=EMAIL_MARKER)

    response = client.get(work(question))

    content = page_text(response)
    assert response.status_code == 200
    assert question.text in content
    assert ORIGINAL_MARKER not in content
    assert PHONE_MARKER not in content
    assert EMAIL_MARKER not in content


def test_the_classification_is_pre_selected_with_the_suggestion(client, member, deposit):
    SubjectFactory(key="nuisibles", title="Nuisibles", theme=deposit.theme)
    question = QuestionFactory(published=True, text="Mon proprio garde la caution.")

    response = client.get(work(question))

    form = response.context["classify_form"]
    assert form["sujet"].value() == deposit.pk
    assert form["theme"].value() == deposit.theme_id
    assert response.context["suggestion"]["subject"] == deposit
    content = text_of(response)
    assert "Suggestion d'après le texte : « Dépôt de garantie (caution) »" in content
    assert "caution" in content


def test_without_clue_nothing_is_pre_selected(client, member, deposit):
    question = QuestionFactory(published=True, text="Bonjour, je voudrais de l'aide.")

    response = client.get(work(question))

    assert response.context["suggestion"] is None
    assert response.context["classify_form"]["sujet"].value() is None
    assert "Pas de suggestion pour ce texte" in page_text(response)


def test_a_classified_question_shows_its_own_subject_not_a_suggestion(client, member, deposit):
    other = SubjectFactory(title="Quittance", theme=deposit.theme)
    question = QuestionFactory(published=True, subject=other, theme=other.theme)

    response = client.get(work(question))

    assert response.context["suggestion"] is None
    assert response.context["classify_form"]["sujet"].value() == other.pk


def test_saving_the_classification_takes_the_theme_of_the_subject(client, member, deposit):
    other_theme = ThemeFactory(name="Santé")
    question = QuestionFactory(published=True)

    response = client.post(
        work(question), {"action": "classer", "sujet": deposit.pk, "theme": other_theme.pk}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.subject, question.theme) == (deposit, deposit.theme)
    action = question.actions.get()
    assert (action.action, action.actor) == (ModerationAction.Action.CLASSIFY, member)
    assert "Le classement est enregistré." in page_text(client.get(response["Location"]))


def test_a_theme_alone_can_be_saved(client, member, deposit):
    question = QuestionFactory(published=True)

    client.post(work(question), {"action": "classer", "sujet": "", "theme": deposit.theme.pk})

    question.refresh_from_db()
    assert (question.theme, question.subject) == (deposit.theme, None)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sujet", "999999", "Ce sujet n'existe pas"),
        ("sujet", "abc", "Ce sujet n'existe pas"),
        ("theme", "999999", "Ce thème n'existe pas"),
    ],
)
def test_a_forged_subject_or_theme_is_refused(client, member, deposit, field, value, message):
    question = QuestionFactory(published=True)

    response = client.post(work(question), {"action": "classer", field: value})

    assert response.status_code == 400
    assert message in page_text(response)
    assert not question.actions.exists()


# --- Answering -----------------------------------------------------------------------------------


def test_the_answer_form_offers_each_organisation_as_a_checkbox(client, member):
    OrganisationFactory(name="ADIL de la Loire", slug="adil-42")
    question = QuestionFactory(published=True)

    response = client.get(answer(question))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'type="checkbox" name="liens_organisation" value="adil-42"' in content
    assert "ADIL de la Loire" in content
    assert "<legend>Liens : Organisation</legend>" in content


def test_answering_gives_the_piste_and_tells_the_asker_by_email(
    client, member, django_capture_on_commit_callbacks
):
    OrganisationFactory(name="ADIL de la Loire", slug="adil-42")
    question = QuestionFactory(published=True, email=EMAIL_MARKER)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            answer(question),
            {
                "intro": "Le bailleur a deux mois pour rendre la caution.",
                "etapes": (
                    "- Relisez l'état des lieux.\n\n• Écrivez au bailleur.\r\nAllez à l'ADIL."
                ),
                "contact": "L'ADIL, le jeudi.",
                "liens_organisation": ["adil-42"],
            },
        )

    assert response.status_code == 302
    assert response["Location"] == work(question)
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    piste = question.pistes.get()
    assert piste.author == member
    assert piste.steps == ["Relisez l'état des lieux.", "Écrivez au bailleur.", "Allez à l'ADIL."]
    assert piste.contact == "L'ADIL, le jeudi."
    assert list(piste.links.values_list("kind", "target")) == [("organisation", "adil-42")]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL_MARKER]
    assert "1. Relisez l'état des lieux." in message.body
    assert "ADIL de la Loire : http" in message.body
    assert "lien de suivi" in message.body
    assert question.get_absolute_url() in message.body
    assert "&#x27;" not in message.body
    assert "La personne est prévenue par e-mail." in page_text(client.get(response["Location"]))


def test_answering_without_email_sends_nothing_and_says_so(
    client, member, django_capture_on_commit_callbacks
):
    question = QuestionFactory(private=True, email="")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer(question), {"etapes": "Appelez le 115."})

    assert Question.objects.get(pk=question.pk).status == Question.Status.ANSWERED
    assert mail.outbox == []
    assert "elle la lira avec son lien de suivi" in page_text(client.get(response["Location"]))


def test_the_askers_of_merged_questions_are_told_too(
    client, member, django_capture_on_commit_callbacks
):
    question = QuestionFactory(published=True, email="")
    QuestionFactory(duplicate=True, duplicate_of=question, email="autre@exemple.org")
    QuestionFactory(duplicate=True, duplicate_of=question, email="")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(answer(question), {"etapes": "Une étape."})

    assert [m.to for m in mail.outbox] == [["autre@exemple.org"]]
    assert "nous les avions réunies" in mail.outbox[0].body


def test_an_asker_with_an_account_is_pointed_to_my_questions(
    client, member, django_capture_on_commit_callbacks
):
    question = QuestionFactory(published=True, email=EMAIL_MARKER, author=UserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        client.post(answer(question), {"etapes": "Une étape."})

    assert reverse("questions:mine") in mail.outbox[0].body


def test_a_private_question_email_has_no_public_link(
    client, member, django_capture_on_commit_callbacks
):
    question = QuestionFactory(private=True, email=EMAIL_MARKER)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(answer(question), {"etapes": "Une étape."})

    assert question.get_absolute_url() not in mail.outbox[0].body


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ("", "Écrivez au moins une étape"),
        ("  \n - \n•", "Écrivez au moins une étape"),
        ("\n".join(f"Étape {n}" for n in range(STEPS_MAX + 1)), "gardez-en 12 au plus"),
        ("Courte.\n" + "x" * (STEP_MAX_LENGTH + 1), "L'étape 2 est trop longue"),
    ],
    ids=["empty", "only-bullets", "too-many", "too-long"],
)
def test_bad_steps_are_refused_and_the_text_is_kept(client, member, steps, message):
    question = QuestionFactory(published=True)

    response = client.post(answer(question), {"etapes": steps, "contact": "Le CCAS"})

    assert response.status_code == 400
    assert message in page_text(response)
    assert response.context["form"]["contact"].value() == "Le CCAS"
    assert not question.pistes.exists()
    assert Question.objects.get(pk=question.pk).status == Question.Status.PUBLISHED


def test_a_forged_link_target_is_refused(client, member):
    question = QuestionFactory(published=True)

    response = client.post(
        answer(question), {"etapes": "Une étape.", "liens_organisation": ["inconnue"]}
    )

    assert response.status_code == 400
    assert "« inconnue » n'est pas dans la liste" in page_text(response)


def test_html_in_a_piste_is_shown_escaped(client, member):
    question = QuestionFactory(published=True)
    client.post(answer(question), {"etapes": "<script>alert(1)</script>"})

    content = client.get(work(question)).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_the_work_page_shows_the_piste_with_its_resolved_links(client, member):
    OrganisationFactory(name="ADIL de la Loire", slug="adil-42")
    piste = PisteFactory(question=QuestionFactory(answered=False, published=True))
    PisteLinkFactory(piste=piste, target="adil-42")
    PisteLinkFactory(piste=piste, target="disparue")

    response = client.get(work(piste.question))

    content = response.content.decode()
    assert piste.steps[0].replace("'", "&#x27;") in content
    assert '<a href="/reseau/adil-42/">ADIL de la Loire</a>' in content
    assert "disparue" not in content


def test_a_closed_question_cannot_be_answered(client, member):
    question = QuestionFactory(published=True, status=Question.Status.CLOSED)

    response = client.get(answer(question), follow=True)

    assert "on ne peut plus y ajouter de piste" in page_text(response)
    assert client.post(answer(question), {"etapes": "Une étape."}).status_code == 302
    assert not question.pistes.exists()


# --- Editing a piste -----------------------------------------------------------------------------


def test_editing_a_piste_starts_from_it_and_records_the_change(client, member):
    OrganisationFactory(slug="adil-42")
    piste = PisteFactory(steps=["Première.", "Deuxième."], contact="")
    url = reverse("questions:edit_answer", args=[piste.question_id, piste.pk])

    form = client.get(url).context["form"]
    response = client.post(
        url, {"etapes": "Première.\nTroisième.", "intro": piste.intro, "contact": "Le CCAS"}
    )

    assert form["etapes"].value() == "Première.\nDeuxième."
    assert response.status_code == 302
    piste.refresh_from_db()
    assert piste.steps == ["Première.", "Troisième."]
    action = piste.question.actions.get()
    assert action.action == ModerationAction.Action.PISTE_EDIT
    assert action.actor == member


def test_a_piste_of_another_question_is_a_404(client, member):
    piste = PisteFactory()
    other = QuestionFactory(published=True)

    url = reverse("questions:edit_answer", args=[other.pk, piste.pk])

    assert client.get(url).status_code == 404


# --- Resolved or closed --------------------------------------------------------------------------


def test_a_member_marks_an_answered_question_resolved(client, member):
    question = QuestionFactory(answered=True)

    response = client.post(work(question), {"action": "resolue"})

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.RESOLVED
    assert question.actions.get().actor == member


def test_closing_needs_a_reason(client, member):
    question = QuestionFactory(answered=True)

    refused = client.post(work(question), {"action": "clore", "motif": ""})
    closed = client.post(work(question), {"action": "clore", "motif": "Plus de nouvelles."})

    assert refused.status_code == 400
    assert "Dites pourquoi la question est close." in page_text(refused)
    assert closed.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.CLOSED
    assert question.actions.get().details == {"reason": "Plus de nouvelles."}


def test_resolving_twice_is_refused_with_a_message(client, member):
    question = QuestionFactory(resolved=True)

    response = client.post(work(question), {"action": "resolue"}, follow=True)

    assert "Seule une question publiée ou qui a reçu une piste" in page_text(response)
    assert not question.actions.exists()


def test_an_unknown_action_changes_nothing(client, member):
    question = QuestionFactory(published=True)

    response = client.post(work(question), {"action": "supprimer"}, follow=True)

    assert "Ce bouton n'est pas reconnu" in page_text(response)
    assert not question.actions.exists()


def test_the_whole_loop_from_moderation_to_the_askers_link(
    client, django_capture_on_commit_callbacks
):
    """A moderator approves, a member answers, the asker reads the piste with the link."""
    question, token = Question.submit(
        text="Mon propriétaire garde ma caution depuis trois mois.",
        consent_publication=True,
        email="habitante@exemple.org",
    )
    client.force_login(UserFactory(moderator=True))
    client.post(
        reverse("questions:moderate", args=[question.pk]),
        {"action": "publier", "texte": question.text},
    )
    client.force_login(UserFactory(member=True))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(answer(question), {"etapes": "Envoyez une lettre recommandée au bailleur."})
    client.logout()

    follow_page = page_text(client.get(reverse("questions:follow", args=[token])))

    assert "Envoyez une lettre recommandée au bailleur." in follow_page
    assert [m.to for m in mail.outbox] == [["habitante@exemple.org"]]
