"""« Mes données »: the file holds everything the portal keeps about the signed-in person, from
every room, and nothing about anyone else."""

import json

import pytest
from axes.models import AccessLog
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portail.accounts.export import personal_data, personal_data_json
from portail.demandes.models import Note
from portail.forum.models import ForumMute
from portail.questions.models import ModerationAction
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.cards.factories import CardFactory
from tests.demandes.factories import DemandeFactory
from tests.directory.factories import OrganisationMemberFactory
from tests.events.factories import RegistrationFactory
from tests.experiences.factories import (
    AttestationFactory,
    PortfolioSettingsFactory,
    SectionFactory,
)
from tests.forum.factories import (
    CharterAcceptanceFactory,
    ForumReportFactory,
    PublicThreadFactory,
    ReplyFactory,
)
from tests.groups.factories import (
    DocumentFactory,
    GroupFactory,
    JoinRequestFactory,
    MembershipFactory,
    PostFactory,
)
from tests.letters.factories import SavedLetterFactory, valid_values
from tests.questions.factories import PisteFactory, QuestionFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("accounts:my_data")
FILE = reverse("accounts:my_data_file")


def someone_with_everything(tag):
    """A person with one object of each kind the portal keeps, each carrying `tag` in a text,
    so that a test can tell whose objects reached a file. Returns (user, objects)."""
    user = UserFactory(email=f"{tag}@exemple.org", display_name=f"{tag}-pseudo")
    group = GroupFactory(name=f"{tag}-groupe")
    MembershipFactory(user=user, group=group, role="animateur")
    question = QuestionFactory(
        author=user,
        published=True,
        original_text=f"{tag}-question-écrite",
        text=f"{tag}-question-publiée",
        email=f"{tag}-prevenir@exemple.org",
    )
    thread = PublicThreadFactory(author=user, title=f"{tag}-discussion")
    reply = ReplyFactory(author=user, original_text=f"{tag}-réponse-écrite")
    filed = DemandeFactory(requester=user, summary=f"{tag}-demande-faite")
    Note.objects.create(demande=filed, text=f"{tag}-message-reçu", for_requester=True)
    Note.objects.create(demande=filed, text=f"{tag}-note-interne-de-l-équipe")
    # Filed by a third party, handled by this person: the third party's words stay out.
    assigned = DemandeFactory(assignee=user, assigned=True, summary=f"{tag}-demande-d-un-tiers")
    assigned.add_note(user, f"{tag}-note-sur-un-tiers")
    objects = {
        "question": question,
        "piste": PisteFactory(author=user, question=question, intro=f"{tag}-piste"),
        "letter": SavedLetterFactory(user=user, values=valid_values(explication=f"{tag}-lettre")),
        "join_request": JoinRequestFactory(user=user, message=f"{tag}-rejoindre"),
        "post": PostFactory(author=user, group=group, text=f"{tag}-journal"),
        "document": DocumentFactory(uploaded_by=user, group=group, title=f"{tag}-document"),
        "section": SectionFactory(presenters=[user], title=f"{tag}-partie"),
        "portfolio": PortfolioSettingsFactory(user=user, portfolio_public=True),
        "attestation": AttestationFactory(user=user, group=group, note=f"{tag}-attestation"),
        "registration": RegistrationFactory(user=user, name=f"{tag}-inscription"),
        "filed": filed,
        "assigned": assigned,
        "thread": thread,
        "reply": reply,
        "charter": CharterAcceptanceFactory(user=user, group=group),
        "mute": ForumMute.mute(user, thread),
        "report": ForumReportFactory(reporter=user, comment=f"{tag}-signalement"),
        "moderation": ModerationAction.objects.create(
            question=QuestionFactory(), action="publication", actor=user
        ),
        "organisation": OrganisationMemberFactory(user=user),
        "card": CardFactory(created_by=user, prompt=f"{tag}-carte"),
        "sign_in": AccessLog.objects.create(
            username=user.email, ip_address="203.0.113.7", user_agent=f"{tag}-navigateur"
        ),
    }
    return user, objects


OWN_TEXTS = [
    "-pseudo",
    "@exemple.org",
    "-question-écrite",
    "-question-publiée",
    "-prevenir@exemple.org",
    "-piste",
    "-lettre",
    "-rejoindre",
    "-journal",
    "-document",
    "-partie",
    "-attestation",
    "-inscription",
    "-demande-faite",
    "-message-reçu",
    "-discussion",
    "-réponse-écrite",
    "-carte",
    "-signalement",
    "-navigateur",
    "-groupe",
]


@pytest.fixture
def two_people():
    return someone_with_everything("alice"), someone_with_everything("bruno")


def test_the_file_holds_the_persons_objects_from_every_room(two_people):
    (alice, _objects), _bruno = two_people

    text = personal_data_json(alice)

    for own in OWN_TEXTS:
        assert f"alice{own}" in text, own


def test_the_file_holds_nothing_of_another_person(two_people):
    (alice, _objects), (bruno, theirs) = two_people

    data = personal_data(alice)
    text = personal_data_json(alice)

    for own in OWN_TEXTS:
        assert f"bruno{own}" not in text, own
    assert bruno.email not in text
    assert {q["numéro"] for q in data["questions"]["questions_posées"]} == {_objects["question"].pk}
    assert theirs["question"].pk not in {q["numéro"] for q in data["questions"]["questions_posées"]}
    assert theirs["filed"].pk not in {
        d["numéro"] for d in data["demandes_de_suite"]["demandes_faites"]
    }
    assert theirs["post"].pk not in {p["numéro"] for p in data["groupes"]["messages_du_journal"]}
    assert theirs["reply"].pk not in {p["numéro"] for p in data["forum"]["messages"]}
    assert theirs["letter"].pk not in {letter["numéro"] for letter in data["lettres"]}


def test_internal_notes_and_requests_filed_by_others_stay_out_of_the_file(two_people):
    (alice, objects), _bruno = two_people

    data = personal_data(alice)
    text = personal_data_json(alice)

    assert "alice-note-interne-de-l-équipe" not in text
    assert "alice-demande-d-un-tiers" not in text
    assert "alice-note-sur-un-tiers" not in text
    (assigned,) = data["demandes_de_suite"]["demandes_confiées"]
    assert assigned["numéro"] == objects["assigned"].pk
    assert [step["étape"] for step in assigned["vos_actions"]] == ["note interne"]
    assert data["demandes_de_suite"]["notes_et_messages_écrits"][0].keys() == {"numéro", "le"}


def test_moderation_actions_are_given_as_numbers_and_dates_only(two_people):
    (alice, objects), _bruno = two_people

    actions = personal_data(alice)["questions"]["actions_de_modération"]

    assert actions == [
        {"numéro": objects["moderation"].pk, "le": actions[0]["le"]},
    ]


def test_the_file_never_holds_the_password_hash(two_people):
    (alice, _objects), _bruno = two_people

    text = personal_data_json(alice)

    assert alice.password not in text
    assert "pbkdf2" not in text and "argon2" not in text


def test_the_file_explains_itself_in_french(two_people):
    (alice, _objects), _bruno = two_people

    data = personal_data(alice)

    assert next(iter(data)) == "à_propos"
    assert "mot de passe" in data["à_propos"]["ce_qui_n_y_est_pas"]
    assert set(data["à_propos"]["parties"]) >= {"compte", "questions", "groupes", "forum"}


def _email_task(to, subject, body):
    return DBTaskResult.objects.create(
        task_path="portail.core.tasks.send_email",
        args_kwargs={"args": [], "kwargs": {"subject": subject, "body": body, "to": to}},
        backend_name="default",
        run_after=timezone.now(),
    )


def test_the_emails_kept_in_the_queue_are_listed_by_date_and_subject_only():
    user = UserFactory(email="alice@exemple.org")
    _email_task([user.email], "Une réponse à votre question", "bruno@exemple.org a écrit…")
    _email_task(["malice@exemple.org"], "Pas pour Alice", "")
    _email_task(["bruno@exemple.org"], "Pour Bruno", "")

    sent = personal_data(user)["sécurité"]["e_mails_envoyés"]

    assert [email["sujet"] for email in sent] == ["Une réponse à votre question"]
    assert "bruno" not in personal_data_json(user)


def test_the_team_section_is_left_out_for_a_resident():
    resident, team = UserFactory(), UserFactory(staff=True)

    assert "administration" not in personal_data(resident)
    assert "administration" not in personal_data(resident)["à_propos"]["parties"]
    assert "administration" in personal_data(team)
    assert "administration" in personal_data(team)["à_propos"]["parties"]


def test_a_former_team_member_still_gets_their_administration_journal():
    former = UserFactory()
    LogEntry.objects.create(user=former, action_flag=CHANGE, object_repr="x", change_message="")

    assert len(personal_data(former)["administration"]) == 1


def test_the_page_lists_the_team_section_to_the_team_only(client):
    client.force_login(UserFactory())
    assert "Administration" not in client.get(PAGE).content.decode()

    client.force_login(UserFactory(staff=True))
    assert "Administration" in client.get(PAGE).content.decode()


# --- The pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [PAGE, FILE])
def test_anonymous_visitors_are_sent_to_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={url}"


def test_the_download_is_an_attached_utf8_json_file_never_cached(client, two_people):
    (alice, _objects), _bruno = two_people
    client.force_login(alice)

    response = client.get(FILE)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mes-donnees-')
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "à_propos".encode() in response.content  # ensure_ascii=False
    assert b'\n  "compte": {' in response.content  # indent 2
    data = json.loads(response.content.decode("utf-8"))
    assert data["compte"]["adresse_e_mail"] == alice.email
    assert "bruno" not in response.content.decode()


def test_the_download_refuses_a_post(client):
    client.force_login(UserFactory())

    assert client.post(FILE).status_code == 405


def test_the_page_explains_the_file_and_links_to_it(client):
    client.force_login(UserFactory())

    response = client.get(PAGE)

    text = page_text(response)
    assert "no-store" in response["Cache-Control"]
    assert FILE in text
    assert "Comment l'ouvrir" in text
    assert "Vos groupes" in text


@pytest.mark.parametrize("page", ["accounts:espace", "accounts:profile"])
def test_mon_espace_and_the_profile_link_to_my_data_and_to_deletion(client, page):
    client.force_login(UserFactory())

    text = page_text(client.get(reverse(page)))

    assert PAGE in text
    assert reverse("accounts:delete") in text


def test_the_confidentiality_page_points_to_the_self_service_pages(client):
    text = page_text(client.get(reverse("core:confidentialite")))

    assert PAGE in text
    assert reverse("accounts:delete") in text
    assert "mailto:" in text
