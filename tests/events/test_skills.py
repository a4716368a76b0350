"""The savoir-faire of an event, ticked by its organisers in the event form (the shared list,
alphabetical, plain checkboxes) or typed when missing (one skill per name, however it is
written): the people marked present find them in their portfolio, without the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portail.events.models import Event
from portail.experiences.models import Skill
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.events.factories import EventFactory, person
from tests.events.test_manage import event_data
from tests.experiences.factories import SkillFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("events:create")


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement")


@pytest.fixture
def facilitator(group):
    return person("facilitator", group)


@pytest.fixture
def skills():
    return {
        "animer": SkillFactory(name="savoir animer", slug="savoir-animer"),
        "ecouter": SkillFactory(name="écouter sans juger", slug="ecouter"),
        "parole": SkillFactory(name="Prendre la parole en public", slug="parole"),
    }


def test_the_form_lists_the_shared_skills_alphabetically_as_checkboxes(client, facilitator, skills):
    client.force_login(facilitator)
    content = page_text(client.get(CREATE))

    assert "Savoir-faire mis en œuvre (facultatif)" in content
    positions = [
        content.index(f'type="checkbox" name="skills" value="{skills[key].pk}"')
        for key in ("ecouter", "parole", "animer")
    ]
    assert positions == sorted(positions)
    assert 'name="new_skills"' in content


def test_an_organiser_ticks_skills_and_adds_one_by_name_without_duplicates(
    client, group, facilitator, skills
):
    client.force_login(facilitator)
    response = client.post(
        CREATE,
        event_data(
            group,
            skills=[skills["animer"].pk],
            # « Ecouter sans JUGER » is « écouter sans juger », already in the list.
            new_skills="Tenir un stand\nEcouter sans  JUGER\ntenir un stand",
        ),
    )

    assert response.status_code == 302
    event = Event.objects.get()
    names = sorted(event.skills.values_list("name", flat=True))
    assert names == ["Tenir un stand", "savoir animer", "écouter sans juger"]
    assert Skill.objects.count() == 4


def test_editing_the_event_changes_its_skills(client, group, facilitator, skills):
    event = EventFactory(groups=[group], created_by=facilitator)
    event.skills.set([skills["animer"], skills["parole"]])
    client.force_login(facilitator)
    start = timezone.localtime(event.starts_at)

    form = page_text(client.get(reverse("events:edit", args=[event.slug])))
    assert f'value="{skills["parole"].pk}" id="id_skills_1" checked' in form

    response = client.post(
        reverse("events:edit", args=[event.slug]),
        event_data(
            group,
            title=event.title,
            date=start.date().isoformat(),
            start_time="18:00",
            end_time="20:00",
            skills=[skills["ecouter"].pk],
        ),
    )
    assert response.status_code == 302
    assert list(event.skills.all()) == [skills["ecouter"]]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("a\nb", "« a » : écrivez le savoir-faire en quelques mots."),
        ("\n".join(f"Savoir-faire {n}" for n in "abcdefg"), "Pas plus de 6 nouveaux"),
        ("x" * 130, "est trop long : 120 caractères au plus."),
    ],
)
def test_a_wrong_new_skill_is_refused_in_french_and_the_form_keeps_everything(
    client, group, facilitator, skills, typed, message
):
    client.force_login(facilitator)
    response = client.post(
        CREATE, event_data(group, skills=[skills["animer"].pk], new_skills=typed)
    )

    assert response.status_code == 200
    content = page_text(response)
    assert message in content
    assert typed.split("\n")[0] in content
    assert f'value="{skills["animer"].pk}" id="id_skills_2" checked' in content
    assert not Event.objects.exists() and Skill.objects.count() == 3


def test_a_wrong_skill_choice_is_refused_in_french(client, group, facilitator):
    client.force_login(facilitator)
    response = client.post(CREATE, event_data(group, skills=["999999"]))
    assert "Ce savoir-faire n'est pas dans la liste." in page_text(response)
    assert not Event.objects.exists()


def test_the_skills_saved_reach_the_portfolio_of_the_people_marked_present(
    client, group, facilitator, skills
):
    participant = UserFactory(display_name="Amina")
    client.force_login(facilitator)
    client.post(
        CREATE,
        event_data(group, skills=[skills["parole"].pk], new_skills="Tenir un stand"),
    )
    event = Event.objects.get()
    client.force_login(participant)
    client.post(
        reverse("events:register", args=[event.slug]),
        {"name": "Amina", "contact": "", "submission_key": ""},
    )
    registration = event.registrations.get(user=participant)
    # The event took place; the organiser marks who came.
    event.starts_at = timezone.now() - timedelta(days=1)
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save()
    client.force_login(facilitator)
    client.post(
        reverse("events:attendees", args=[event.slug]),
        {"attendance_count": "12", f"present_{registration.pk}": "on"},
    )

    client.force_login(participant)
    content = page_text(client.get(reverse("experiences:my_portfolio")))

    assert f"A participé : {event.title}" in content
    assert "Prendre la parole en public" in content and "Tenir un stand" in content
    assert "savoir animer" not in content


def test_a_skill_named_only_inside_another_private_group_is_not_offered(
    client, group, facilitator, skills
):
    secret_group = GroupFactory(name="Groupe de parole", is_public=False)
    secret = SkillFactory(name="parler de son expulsion", slug="secret")
    EventFactory(groups=[secret_group]).skills.add(secret)
    own_private = GroupFactory(name="Atelier fermé", is_public=False)
    MembershipFactory(user=facilitator, group=own_private)
    ours = SkillFactory(name="tenir les comptes", slug="ours")
    EventFactory(groups=[own_private]).skills.add(ours)
    client.force_login(facilitator)

    content = page_text(client.get(CREATE))

    assert "parler de son expulsion" not in content
    assert "tenir les comptes" in content  # noted in this person's own group
    assert "savoir animer" in content  # the shared list nobody used yet
    response = client.post(CREATE, event_data(group, skills=[secret.pk]))
    assert response.status_code == 200
    assert not Event.objects.filter(groups=group).exists()


def test_editing_keeps_a_skill_already_chosen_even_if_the_editor_could_not_pick_it(
    client, group, facilitator
):
    secret_group = GroupFactory(name="Groupe de parole", is_public=False)
    secret = SkillFactory(name="parler de son expulsion", slug="secret")
    EventFactory(groups=[secret_group]).skills.add(secret)
    event = EventFactory(groups=[group], created_by=facilitator)
    event.skills.add(secret)
    client.force_login(facilitator)

    form = page_text(client.get(reverse("events:edit", args=[event.slug])))

    assert f'value="{secret.pk}"' in form and "parler de son expulsion" in form
