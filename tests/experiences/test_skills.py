"""The shared list of savoir-faire: one skill however it is written, the content file, and the
counts per group on the public page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from portail.core.content import ContentError
from portail.experiences.content import load_skills
from portail.experiences.models import Skill, skill_key
from tests.accounts.factories import UserFactory
from tests.experiences.factories import (
    EventFactory,
    RecordFactory,
    SectionFactory,
    SkillFactory,
    attend,
)
from tests.groups.factories import GroupFactory, MembershipFactory


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("savoir animer", "Savoir Animer"),
        ("savoir animer", "  savoir   animer "),
        ("faire un état des lieux", "faire un etat des lieux"),
        ("faire un état des lieux", "FAIRE UN ÉTAT DES LIEUX"),
        ("faire un état des lieux", "faire un état-des-lieux"),
        ("l'état des lieux", "l’état des lieux"),
        ("cœur de métier", "coeur de metier"),
        ("prendre la parole en public", "prendre la parole en public."),
        ("savoir animer", "savoir\tanimer\n"),
    ],
)
def test_names_written_differently_are_the_same_skill(one, other):
    assert skill_key(one) == skill_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("savoir animer", "savoir animer un groupe"), ("écouter", "expliquer"), ("a b", "ab")],
)
def test_different_names_stay_different_skills(one, other):
    assert skill_key(one) != skill_key(other)


WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèêàçôûïœ", min_size=1, max_size=8),
    min_size=1,
    max_size=5,
)


@given(WORDS, st.sampled_from([" ", "  ", "\t", " - ", "\u00a0"]))
def test_the_key_ignores_case_and_spaces(words, separator):
    name = " ".join(words)
    assert skill_key(name.upper()) == skill_key(name)
    assert skill_key(f"  {separator.join(words)}  ") == skill_key(name)


@given(st.text(max_size=60))
def test_the_key_is_stable_and_never_has_accents_capitals_or_double_spaces(name):
    key = skill_key(name)
    assert skill_key(key) == key
    assert key == key.strip()
    assert "  " not in key
    assert key == key.casefold()
    assert not any(char in key for char in "éèêàçôûï")


@pytest.mark.django_db
def test_a_name_already_in_the_list_is_not_added_again():
    animer = SkillFactory(name="savoir animer", slug="savoir-animer")

    skill, created = Skill.objects.find_or_create("  Savoir ANIMER ")

    assert (skill, created) == (animer, False)
    assert Skill.objects.count() == 1


@pytest.mark.django_db
def test_a_new_name_is_added_once_with_a_slug():
    skill, created = Skill.objects.find_or_create("Tenir  une permanence")
    again, created_again = Skill.objects.find_or_create("tenir une permanence")

    assert created and not created_again
    assert again == skill
    assert skill.name == "Tenir une permanence"
    assert skill.slug == "tenir-une-permanence"


@pytest.mark.django_db
def test_the_database_refuses_the_same_skill_twice():
    SkillFactory(name="savoir animer", slug="savoir-animer")
    duplicate = Skill(name="Savoir animer", slug="autre")

    with pytest.raises(ValidationError, match="déjà dans la liste"):
        duplicate.full_clean()


@pytest.mark.django_db
def test_the_content_file_loads_the_seed_skills_once():
    first = load_skills()
    second = load_skills()

    assert first.created >= 9 and first.created == second.unchanged
    names = set(Skill.objects.values_list("name", flat=True))
    for seed in (
        "partir des situations des personnes",
        "faire un état des lieux",
        "savoir animer",
        "savoir retransmettre",
        "expliquer les mots du logement",
        "prendre la parole en public",
        "travailler en groupe",
        "chercher une information sur internet",
        "orienter vers le bon interlocuteur",
    ):
        assert seed in names


@pytest.mark.django_db
def test_the_content_file_takes_over_a_skill_a_facilitator_added_first():
    added = SkillFactory(name="Savoir Animer", slug="savoir-animer-2")

    load_skills()

    added.refresh_from_db()
    assert added.name == "savoir animer" and added.slug == "savoir-animer"
    assert Skill.objects.filter(key="savoir animer").count() == 1


@pytest.mark.django_db
def test_the_content_file_refuses_the_same_skill_twice(tmp_path, settings):
    settings.CONTENT_DIR = tmp_path
    (tmp_path / "savoir-faire.toml").write_text(
        '[[savoir_faire]]\nname = "savoir animer"\nslug = "a"\n'
        '[[savoir_faire]]\nname = "Savoir  animer"\nslug = "b"\n',
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="même savoir-faire"):
        load_skills()


# --- The public page with the counts per group ---------------------------------------------------


@pytest.fixture
def counted():
    animer = SkillFactory(name="savoir animer", slug="savoir-animer")
    ecouter = SkillFactory(name="écouter sans juger", slug="ecouter-sans-juger")
    logement = GroupFactory(name="Groupe Logement")
    autre = GroupFactory(name="Groupe Énergie")
    amina, bruno, chloe = (UserFactory() for _ in range(3))
    for user in (amina, bruno):
        MembershipFactory(user=user, group=logement)
    record = RecordFactory(group=logement, published=True)
    # Amina presents two parts with « savoir animer »: she counts once.
    SectionFactory(record=record, presenters=[amina], skills=[animer])
    SectionFactory(
        record=record, presenters=[amina, bruno], presenter_names="Joëlle", skills=[animer, ecouter]
    )
    # Drafts do not count.
    SectionFactory(record=RecordFactory(group=logement), presenters=[chloe], skills=[animer])
    # Chloé, member of the other group, attended its event where people animate.
    MembershipFactory(user=chloe, group=autre)
    attend(EventFactory(groups=[autre], skills=[animer]), chloe)
    # Someone who is not a member attended too: not « in the group ».
    attend(EventFactory(groups=[autre], skills=[animer]), UserFactory())
    return {"animer": animer, "ecouter": ecouter, "logement": logement, "autre": autre}


@pytest.mark.django_db
def test_each_person_is_counted_once_per_skill_and_group(counted):
    from portail.experiences.portfolio import skill_counts_by_group

    counts = skill_counts_by_group([counted["logement"], counted["autre"]])

    animer, ecouter = counted["animer"].pk, counted["ecouter"].pk
    assert counts[animer] == {counted["logement"].pk: 3, counted["autre"].pk: 1}
    assert counts[ecouter] == {counted["logement"].pk: 3}


@pytest.mark.django_db
def test_the_skills_page_shows_the_counts_per_group(client, counted):
    response = client.get(reverse("experiences:skills"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Groupe Logement : 3 personnes" in html
    assert "Groupe Énergie : 1 personne" in html
    assert 'id="savoir-faire-ecouter-sans-juger"' in html


@pytest.mark.django_db
def test_the_skills_page_says_nothing_about_private_groups(client, counted):
    counted["logement"].is_public = False
    counted["logement"].save()

    html = client.get(reverse("experiences:skills")).content.decode()

    assert "Groupe Logement" not in html
    assert "Groupe Énergie : 1 personne" in html


@pytest.mark.django_db
def test_a_skill_noted_only_in_private_places_stays_off_the_public_list(client):
    seed = SkillFactory(name="savoir retransmettre", slug="savoir-retransmettre")
    public = SkillFactory(name="savoir animer", slug="savoir-animer")
    in_draft = SkillFactory(name="préparer le dossier de Mme X", slug="dossier")
    in_private_group = SkillFactory(name="parler de la violence subie", slug="violence")
    in_private_event = SkillFactory(name="tenir le registre des loyers", slug="registre")
    open_group, closed_group = GroupFactory(), GroupFactory(is_public=False)
    SectionFactory(record=RecordFactory(group=open_group, published=True), skills=[public])
    SectionFactory(record=RecordFactory(group=open_group), skills=[in_draft])
    SectionFactory(
        record=RecordFactory(group=closed_group, published=True), skills=[in_private_group]
    )
    EventFactory(groups=[open_group], is_public=False, skills=[in_private_event])

    html = client.get(reverse("experiences:skills")).content.decode()

    assert seed.name in html
    assert public.name in html
    for hidden in (in_draft, in_private_group, in_private_event):
        assert hidden.name not in html


@pytest.mark.django_db
def test_a_skill_shows_once_it_is_noted_somewhere_public(client):
    skill = SkillFactory(name="faire un état des lieux", slug="etat-des-lieux")
    SectionFactory(record=RecordFactory(), skills=[skill])
    EventFactory(groups=[GroupFactory()], skills=[skill])

    html = client.get(reverse("experiences:skills")).content.decode()

    assert html.count('id="savoir-faire-etat-des-lieux"') == 1


@pytest.mark.django_db
def test_the_counts_leave_out_members_only_events_and_those_of_a_private_group(client, counted):
    autre, animer = counted["autre"], counted["animer"]
    secret = GroupFactory(name="Groupe secret", is_public=False)
    for _ in range(2):
        # Members of the public group, at a members-only event of it…
        user = MembershipFactory(group=autre).user
        attend(EventFactory(groups=[autre], is_public=False, skills=[animer]), user)
        # …and at a public event it organised with a private group.
        user = MembershipFactory(group=autre).user
        attend(EventFactory(groups=[autre, secret], skills=[animer]), user)

    html = client.get(reverse("experiences:skills")).content.decode()

    assert "Groupe Énergie : 1 personne" in html
    assert "Groupe secret" not in html
