"""The records editor without JavaScript: create, write sections with presenters and skills,
reorder, delete, publish. A refused form keeps what was typed."""

import pytest
from django.urls import reverse

from portail.experiences.models import ExperienceRecord, RecordSection, Skill
from tests.accounts.factories import UserFactory
from tests.experiences.factories import RecordFactory, SectionFactory, SkillFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(client, group):
    user = UserFactory(display_name="Nadia")
    MembershipFactory(user=user, group=group, role="animateur")
    client.force_login(user)
    return user


@pytest.fixture
def record(group, facilitator):
    return RecordFactory(group=group, title="Notre histoire")


def test_a_facilitator_creates_a_draft_for_their_group(client, group, facilitator):
    response = client.post(
        reverse("experiences:create"),
        {"group": group.pk, "title": "Le Groupe Logement raconte", "summary": "En bref."},
    )

    record = ExperienceRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == record.get_edit_url()
    assert record.group == group and record.created_by == facilitator
    assert record.status == ExperienceRecord.Status.DRAFT
    assert record.slug == "le-groupe-logement-raconte"


def test_a_record_never_takes_the_slug_of_a_page_of_the_room(group):
    record = RecordFactory(group=group, title="Savoir-faire", slug="")

    assert record.slug not in ExperienceRecord.RESERVED_SLUGS
    assert record.get_absolute_url() != reverse("experiences:skills")


def test_the_creation_form_sent_twice_makes_one_record(client, group, facilitator):
    data = {"group": group.pk, "title": "Le Groupe Logement raconte", "summary": ""}

    first = client.post(reverse("experiences:create"), data)
    second = client.post(reverse("experiences:create"), data)

    record = ExperienceRecord.objects.get()
    assert first["Location"] == second["Location"] == record.get_edit_url()


def test_the_group_is_chosen_from_the_link_of_the_group_page(client, group, facilitator):
    response = client.get(reverse("experiences:create") + f"?groupe={group.slug}")

    assert f'<option value="{group.pk}" selected>' in response.content.decode()


def test_a_record_without_title_is_refused_and_the_summary_kept(client, group, facilitator):
    response = client.post(
        reverse("experiences:create"), {"group": group.pk, "title": " ", "summary": "Gardé ici."}
    )

    html = response.content.decode()
    assert "Donnez un titre : la case est vide." in html
    assert "Gardé ici." in html
    assert not ExperienceRecord.objects.exists()


def test_a_section_is_added_with_presenters_names_and_skills(client, group, record):
    member = UserFactory(display_name="Karim")
    MembershipFactory(user=member, group=group)
    animer = SkillFactory(name="savoir animer", slug="savoir-animer")

    response = client.post(
        reverse("experiences:section_add", args=[record.slug]),
        {
            "kind": "restitution",
            "text": "Nous avons joué au **jeu de l'oie**.",
            "animation": "Un plateau géant.",
            "presenters": [member.pk],
            "presenter_names": "Joëlle ;  Sam,",
            "skills": [animer.pk],
        },
    )

    section = record.sections.get()
    assert response.status_code == 302
    assert response["Location"] == f"{record.get_edit_url()}#partie-{section.pk}"
    assert section.kind == "restitution" and section.position == 1
    assert list(section.presenters.all()) == [member]
    assert section.presenter_names == "Joëlle, Sam"
    assert list(section.skills.all()) == [animer]
    assert "<strong>jeu de l'oie</strong>" in section.text_html


def test_a_new_skill_written_another_way_is_the_one_of_the_list(client, record):
    animer = SkillFactory(name="savoir animer", slug="savoir-animer")

    response = client.post(
        reverse("experiences:section_add", args=[record.slug]),
        {"kind": "naissance", "text": "Le début.", "new_skills": "Savoir  Animer\nTenir un stand"},
        follow=True,
    )

    section = record.sections.get()
    assert set(section.skills.values_list("name", flat=True)) == {"savoir animer", "Tenir un stand"}
    assert Skill.objects.count() == 2 and Skill.objects.filter(pk=animer.pk).exists()
    html = response.content.decode()
    assert (
        "« Savoir Animer » était déjà dans la liste : c&#x27;est « savoir animer » qui est retenu."
        in html
    )
    assert "« Tenir un stand » est ajouté à la liste commune des savoir-faire." in html


def test_only_members_of_the_group_can_be_chosen_as_presenters(client, record):
    outsider = UserFactory()

    response = client.post(
        reverse("experiences:section_add", args=[record.slug]),
        {"kind": "naissance", "text": "Le début.", "presenters": [outsider.pk]},
    )

    assert response.status_code == 200
    assert not record.sections.exists()


def test_presenters_are_shown_to_the_facilitator_without_their_email(client, group, record):
    MembershipFactory(user=UserFactory(display_name="", email="cache@exemple.org"), group=group)

    html = client.get(reverse("experiences:section_add", args=[record.slug])).content.decode()

    assert "cache@exemple.org" not in html
    assert "Membre sans pseudonyme" in html


def test_an_empty_text_is_refused_and_the_rest_kept(client, record):
    response = client.post(
        reverse("experiences:section_add", args=[record.slug]),
        {"kind": "suites", "text": "", "animation": "Une affiche dessinée."},
    )

    html = response.content.decode()
    assert "Écrivez ce que vous voulez dire dans cette partie : la case est vide." in html
    assert "Une affiche dessinée." in html
    assert not record.sections.exists()


def test_a_section_of_kind_other_needs_a_title(client, record):
    response = client.post(
        reverse("experiences:section_add", args=[record.slug]),
        {"kind": "autre", "text": "Des photos."},
    )

    assert "Une partie « autre » a besoin d&#x27;un titre." in response.content.decode()
    assert not record.sections.exists()


def test_a_too_long_text_is_refused_with_its_length(client, record):
    response = client.post(
        reverse("experiences:section_add", args=[record.slug]),
        {"kind": "suites", "text": "x" * 6001},
    )

    assert "6001 caractères, pour une limite de 6000" in response.content.decode()


def test_the_form_proposes_the_next_kind_not_yet_written(client, record):
    SectionFactory(record=record, kind="naissance")

    html = client.get(reverse("experiences:section_add", args=[record.slug])).content.decode()

    assert '<option value="pourquoi" selected>' in html


def test_sections_move_up_and_down(client, record):
    first, second, third = (
        SectionFactory(record=record, position=n, kind=kind)
        for n, kind in ((1, "naissance"), (2, "pourquoi"), (3, "suites"))
    )
    move = "experiences:section_move"

    client.post(reverse(move, args=[record.slug, third.pk]), {"sens": "haut"})
    assert list(record.sections.values_list("kind", flat=True)) == [
        "naissance",
        "suites",
        "pourquoi",
    ]
    client.post(reverse(move, args=[record.slug, first.pk]), {"sens": "bas"})
    assert list(record.sections.values_list("kind", flat=True)) == [
        "suites",
        "naissance",
        "pourquoi",
    ]
    # At the end, nothing moves.
    client.post(reverse(move, args=[record.slug, second.pk]), {"sens": "bas"})
    assert list(record.sections.values_list("position", flat=True)) == [1, 2, 3]
    assert record.sections.last() == second


def test_a_section_sent_twice_is_added_once(client, record):
    url = reverse("experiences:section_add", args=[record.slug])
    data = {"kind": "naissance", "text": "Tout a commencé au centre social."}

    first = client.post(url, data)
    second = client.post(url, data)

    section = record.sections.get()
    assert first["Location"] == second["Location"] == f"{record.get_edit_url()}#partie-{section.pk}"


def test_a_move_sent_twice_moves_the_section_once(client, record):
    for n, kind in ((1, "naissance"), (2, "pourquoi"), (3, "suites")):
        SectionFactory(record=record, position=n, kind=kind)
    third = record.sections.get(kind="suites")
    url = reverse("experiences:section_move", args=[record.slug, third.pk])

    client.post(url, {"sens": "haut", "place": "3"})
    client.post(url, {"sens": "haut", "place": "3"})

    assert list(record.sections.values_list("kind", flat=True)) == [
        "naissance",
        "suites",
        "pourquoi",
    ]


def test_the_move_buttons_say_where_the_section_was_seen(client, record):
    SectionFactory(record=record, position=1, kind="naissance")
    SectionFactory(record=record, position=2, kind="pourquoi")

    html = client.get(record.get_edit_url()).content.decode()

    assert html.count('name="place" value="1"') == 1
    assert html.count('name="place" value="2"') == 1


def test_a_section_is_edited_in_place(client, record):
    section = SectionFactory(record=record, text="Avant.")

    client.post(
        reverse("experiences:section_edit", args=[record.slug, section.pk]),
        {"kind": "naissance", "text": "Après."},
    )

    section.refresh_from_db()
    assert section.text == "Après." and section.position == 1


def test_deleting_a_section_asks_first_then_renumbers(client, record):
    first = SectionFactory(record=record, position=1)
    SectionFactory(record=record, position=2)
    url = reverse("experiences:section_delete", args=[record.slug, first.pk])

    assert "Oui, supprimer cette partie" in client.get(url).content.decode()
    assert record.sections.count() == 2
    client.post(url)

    assert list(record.sections.values_list("position", flat=True)) == [1]


def test_a_record_needs_a_section_to_be_published(client, record):
    response = client.post(reverse("experiences:publish", args=[record.slug]), follow=True)

    record.refresh_from_db()
    assert record.status == ExperienceRecord.Status.DRAFT
    assert "Ajoutez au moins une partie avant de publier le récit." in response.content.decode()


def test_publishing_and_back_to_draft(client, record):
    SectionFactory(record=record)

    client.post(reverse("experiences:publish", args=[record.slug]))
    record.refresh_from_db()
    published_at = record.published_at
    assert record.is_published and published_at is not None

    client.post(reverse("experiences:unpublish", args=[record.slug]))
    record.refresh_from_db()
    assert not record.is_published

    client.post(reverse("experiences:publish", args=[record.slug]))
    record.refresh_from_db()
    assert record.published_at == published_at


def test_publishing_is_post_only(client, record):
    SectionFactory(record=record)

    response = client.get(reverse("experiences:publish", args=[record.slug]))

    assert response.status_code == 405
    record.refresh_from_db()
    assert not record.is_published


def test_deleting_the_last_section_of_a_published_record_takes_it_back_to_draft(client, record):
    section = SectionFactory(record=record)
    record.publish()

    client.post(reverse("experiences:section_delete", args=[record.slug, section.pk]))

    record.refresh_from_db()
    assert not record.is_published


def test_a_section_that_seems_to_identify_someone_is_flagged(client, record):
    response = client.post(
        reverse("experiences:section_add", args=[record.slug]),
        {"kind": "suites", "text": "Appelez Mme Benali au 06 12 34 56 78."},
        follow=True,
    )

    html = response.content.decode()
    assert "semble contenir des données personnelles (nom, téléphone)" in html
    assert RecordSection.objects.get().text == "Appelez Mme Benali au 06 12 34 56 78."


def test_deleting_a_record_goes_back_to_the_group(client, group, record):
    response = client.post(reverse("experiences:delete", args=[record.slug]))

    assert response["Location"] == group.get_absolute_url()
    assert not ExperienceRecord.objects.exists()


def test_the_edit_page_lists_sections_with_move_buttons(client, record):
    SectionFactory(record=record, kind="naissance")
    SectionFactory(record=record, kind="suites")

    html = client.get(record.get_edit_url()).content.decode()

    assert html.count('name="sens" value="haut"') == 1
    assert html.count('name="sens" value="bas"') == 1
    assert "Publier le récit" in html
    assert RecordSection.objects.count() == 2


def test_a_skill_named_only_inside_another_private_group_is_not_offered(client, record):
    secret_group = GroupFactory(name="Groupe de parole", is_public=False)
    secret = SkillFactory(name="parler de son expulsion", slug="secret")
    SectionFactory(record=RecordFactory(group=secret_group)).skills.add(secret)
    SkillFactory(name="savoir animer", slug="savoir-animer")
    add = reverse("experiences:section_add", args=[record.slug])

    html = client.get(add).content.decode()
    assert "parler de son expulsion" not in html
    assert "savoir animer" in html

    response = client.post(add, {"kind": "naissance", "text": "Le début.", "skills": [secret.pk]})
    assert response.status_code == 200
    assert not record.sections.exists()


def test_a_section_keeps_its_skills_in_the_form(client, record):
    secret_group = GroupFactory(name="Groupe de parole", is_public=False)
    secret = SkillFactory(name="parler de son expulsion", slug="secret")
    SectionFactory(record=RecordFactory(group=secret_group)).skills.add(secret)
    section = SectionFactory(record=record)
    section.skills.add(secret)

    html = client.get(reverse("experiences:section_edit", args=[record.slug, section.pk]))

    assert "parler de son expulsion" in html.content.decode()
