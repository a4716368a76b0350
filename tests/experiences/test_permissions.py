"""Who reads and who edits a record, role by role: the group's facilitators and the staff edit;
a draft is read by the group's members and facilitators and the staff, and does not exist (404)
for anyone else; a private group's records stay between its members."""

import pytest
from django.urls import reverse

from portail.experiences.models import ExperienceRecord
from tests.experiences.factories import RecordFactory, SectionFactory
from tests.experiences.roles import ROLES, assert_login_redirect, sign_in

pytestmark = pytest.mark.django_db

EDITORS = {"facilitator", "staff"}
INSIDERS = {"member", "facilitator", "staff"}


@pytest.fixture
def draft(group):
    record = RecordFactory(group=group, title="Brouillon secret")
    SectionFactory(record=record, text="Un texte encore en chantier.")
    return record


@pytest.fixture
def published(group):
    record = RecordFactory(group=group, published=True, title="Récit publié")
    SectionFactory(record=record, text="Ce que nous voulons dire à tous.")
    return record


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_read_by_the_group_and_the_staff_only(client, role, group, draft):
    sign_in(client, role, group)

    page = client.get(draft.get_absolute_url())
    pdf = client.get(reverse("experiences:pdf", args=[draft.slug]))

    expected = 200 if role in INSIDERS else 404
    assert page.status_code == expected and pdf.status_code == expected
    if expected == 200:
        assert "Un texte encore en chantier." in page.content.decode()
        assert "no-cache" in page["Cache-Control"]


@pytest.mark.parametrize("role", ROLES)
def test_a_published_record_of_a_public_group_is_read_by_everyone(client, role, group, published):
    sign_in(client, role, group)

    response = client.get(published.get_absolute_url())

    assert response.status_code == 200
    assert "Ce que nous voulons dire à tous." in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_a_private_group_keeps_its_published_records(client, role, group, published):
    group.is_public = False
    group.save()
    sign_in(client, role, group)

    response = client.get(published.get_absolute_url())

    assert response.status_code == (200 if role in INSIDERS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_drafts_to_the_group_only(client, role, group, draft, published):
    sign_in(client, role, group)

    html = client.get(reverse("experiences:list")).content.decode()

    assert "Récit publié" in html
    assert ("Brouillon secret" in html) == (role in INSIDERS)


def test_the_list_with_a_private_groups_record_is_kept_out_of_the_browser_cache(
    client, group, published
):
    group.is_public = False
    group.save()
    sign_in(client, "member", group)

    response = client.get(reverse("experiences:list"))

    assert "Récit publié" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_list_of_public_records_may_be_cached(client, group, published):
    sign_in(client, "member", group)

    response = client.get(reverse("experiences:list"))

    assert "Récit publié" in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["draft", "published"])
def test_only_the_groups_facilitators_and_the_staff_edit_a_record(
    client, role, which, group, draft, published
):
    record = draft if which == "draft" else published
    sign_in(client, role, group)

    response = client.get(record.get_edit_url())

    if role == "anonymous":
        assert_login_redirect(response)
    elif role in EDITORS:
        assert response.status_code == 200
    elif which == "draft" and role not in INSIDERS:
        assert response.status_code == 404
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_change_add_move_publish_or_delete(client, role, group, draft):
    section = draft.sections.get()
    sign_in(client, role, group)
    slug = draft.slug

    responses = [
        client.post(draft.get_edit_url(), {"title": "Changé"}),
        client.post(
            reverse("experiences:section_add", args=[slug]),
            {"kind": "suites", "text": "Ajouté par quelqu'un."},
        ),
        client.post(
            reverse("experiences:section_edit", args=[slug, section.pk]),
            {"kind": "naissance", "text": "Réécrit."},
        ),
        client.post(reverse("experiences:section_move", args=[slug, section.pk]), {"sens": "bas"}),
        client.post(reverse("experiences:publish", args=[slug])),
        client.post(reverse("experiences:section_delete", args=[slug, section.pk])),
        client.post(reverse("experiences:delete", args=[slug])),
    ]

    record = ExperienceRecord.objects.filter(pk=draft.pk).first()
    if role in EDITORS:
        assert record is None  # the last request deleted it
    else:
        for response in responses:
            if role == "anonymous":
                assert_login_redirect(response)
            else:
                assert response.status_code == (403 if role in INSIDERS else 404)
        assert record.title == "Brouillon secret"
        assert record.status == ExperienceRecord.Status.DRAFT
        assert [s.text for s in record.sections.all()] == ["Un texte encore en chantier."]


@pytest.mark.parametrize("role", ROLES)
def test_only_facilitators_and_staff_may_start_a_record(client, role, group):
    sign_in(client, role, group)

    response = client.get(reverse("experiences:create"))

    if role == "anonymous":
        assert_login_redirect(response)
    else:
        allowed = {"facilitator", "other_facilitator", "staff"}
        assert response.status_code == (200 if role in allowed else 403)


def test_a_facilitator_cannot_create_a_record_for_another_group(client, group):
    sign_in(client, "other_facilitator", group)

    response = client.post(
        reverse("experiences:create"), {"group": group.pk, "title": "Pas chez moi"}
    )

    assert response.status_code == 200
    assert "Vous ne pouvez écrire un récit que pour un groupe que vous animez." in (
        response.content.decode()
    )
    assert not ExperienceRecord.objects.exists()
