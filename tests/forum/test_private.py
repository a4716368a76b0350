"""Groupes de parole: who reads, who writes, who accepts the charter, role by role (including a
member of another group, the moderators and the staff, who are not members); the charter before
anything; masking offered, not imposed; the facilitators' hide; never cached nor indexed."""

import pytest
from django.urls import reverse

from portail.forum.models import (
    CHARTER_VERSION,
    CharterAcceptance,
    ForumModerationAction,
    ForumPost,
    ForumThread,
    Status,
)
from portail.groups.models import Membership
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.directory.factories import OrganisationMemberFactory
from tests.forum.factories import CharterAcceptanceFactory, PrivateThreadFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "resident",
    "member",
    "member_without_charter",
    "other_group_member",
    "facilitator",
    "moderator",
    "partner",
    "staff",
]
INSIDERS = {"member", "facilitator"}
SECRET = "Ce qui se dit ici reste ici, mot-témoin zébrure."


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement", slug="groupe-logement")


@pytest.fixture
def thread(group):
    author = UserFactory()
    MembershipFactory(group=group, user=author)
    return PrivateThreadFactory(group=group, author=author, opening=SECRET)


def person(role, group):
    """A signed-in user holding `role` with respect to `group` (None for anonymous)."""
    if role == "anonymous":
        return None
    if role in ("member", "member_without_charter", "facilitator"):
        user = UserFactory()
        MembershipFactory(
            group=group,
            user=user,
            role=Membership.Role.FACILITATOR if role == "facilitator" else Membership.Role.MEMBER,
        )
        if role != "member_without_charter":
            CharterAcceptanceFactory(user=user, group=group)
        return user
    if role == "other_group_member":
        user = UserFactory()
        other = GroupFactory(name="Groupe Alpha")
        MembershipFactory(group=other, user=user, role=Membership.Role.FACILITATOR)
        CharterAcceptanceFactory(user=user, group=other)
        return user
    if role == "partner":
        user = UserFactory()
        group.partners.add(OrganisationMemberFactory(user=user).organisation)
        return user
    return UserFactory(**({} if role == "resident" else {role: True}))


def sign_in(client, role, group):
    user = person(role, group)
    if user is not None:
        client.force_login(user)
    return user


def urls(group, thread):
    return {
        "space": reverse("forum:space", args=[group.slug]),
        "charter": reverse("forum:charter", args=[group.slug]),
        "thread": reverse("forum:group_thread", args=[group.slug, thread.pk]),
        "new": reverse("forum:group_new_thread", args=[group.slug]),
    }


def assert_login_redirect(response):
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


# --- Reading --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_reading_a_private_thread_role_by_role(client, role, group, thread):
    sign_in(client, role, group)
    pages = urls(group, thread)

    for name in ("space", "thread"):
        response = client.get(pages[name])
        if role == "anonymous":
            assert_login_redirect(response)
        elif role == "member_without_charter":
            assert response.status_code == 302
            assert response["Location"].startswith(pages["charter"])
        elif role in INSIDERS:
            assert response.status_code == 200
            assert thread.title in page_text(response)
        else:
            assert response.status_code == 404
        if response.status_code != 200:
            assert SECRET not in page_text(response)
            assert thread.title not in page_text(response)
    thread_page = client.get(pages["thread"])
    assert (SECRET in page_text(thread_page)) == (role in INSIDERS)


@pytest.mark.parametrize("role", ROLES)
def test_the_charter_is_for_the_groups_members_only(client, role, group, thread):
    sign_in(client, role, group)

    response = client.get(urls(group, thread)["charter"])

    if role == "anonymous":
        assert_login_redirect(response)
    elif role in INSIDERS | {"member_without_charter"}:
        assert response.status_code == 200
        assert "La charte de confidentialité" in page_text(response)
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_every_private_answer_is_never_cached_nor_indexed(client, role, group, thread):
    sign_in(client, role, group)
    pages = urls(group, thread)

    for url in pages.values():
        response = client.get(url)
        if response.status_code == 404:
            continue
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert "no-store" in response["Cache-Control"]
        if response.status_code == 200:
            assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_a_group_that_does_not_exist_looks_like_one_that_is_not_yours(client, group, thread):
    sign_in(client, "resident", group)

    unknown = client.get(reverse("forum:space", args=["groupe-inconnu"]))
    not_mine = client.get(reverse("forum:space", args=[group.slug]))

    assert unknown.status_code == not_mine.status_code == 404


def test_a_thread_of_another_group_is_a_404_even_for_a_member(client, group, thread):
    other = GroupFactory()
    user = sign_in(client, "member", group)
    MembershipFactory(group=other, user=user)
    CharterAcceptanceFactory(group=other, user=user)

    response = client.get(reverse("forum:group_thread", args=[other.slug, thread.pk]))

    assert response.status_code == 404


# --- Writing --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_writing_in_a_groupe_de_parole_role_by_role(client, role, group, thread):
    user = sign_in(client, role, group)
    pages = urls(group, thread)

    new = client.post(pages["new"], {"title": "Un nouveau sujet", "text": "Bonjour le groupe."})
    reply = client.post(pages["thread"], {"text": "Je vous lis, merci à tous."})

    if role in INSIDERS:
        assert new.status_code == reply.status_code == 302
        assert ForumThread.objects.filter(group=group, author=user).count() == 1
        assert ForumPost.objects.filter(thread=thread, author=user).count() == 1
        assert ForumPost.objects.filter(author=user, status=Status.PUBLISHED).count() == 2
        return
    if role == "anonymous":
        assert_login_redirect(new)
        assert_login_redirect(reply)
    elif role == "member_without_charter":
        assert new["Location"].startswith(pages["charter"])
        assert reply["Location"].startswith(pages["charter"])
    else:
        assert new.status_code == reply.status_code == 404
    assert ForumThread.objects.count() == 1
    assert ForumPost.objects.count() == 1


def test_accepting_the_charter_records_the_version_and_the_date(client, group, thread):
    user = sign_in(client, "member_without_charter", group)
    pages = urls(group, thread)
    redirect_to_charter = client.get(pages["thread"])["Location"]

    refused = client.post(pages["charter"], {})
    accepted = client.post(redirect_to_charter, {"accept": "on", "suite": pages["thread"]})

    assert refused.status_code == 400
    assert "cochez la case" in page_text(refused)
    assert accepted.status_code == 302 and accepted["Location"] == pages["thread"]
    acceptance = CharterAcceptance.objects.get(user=user, group=group)
    assert acceptance.version == CHARTER_VERSION and acceptance.accepted_at
    assert client.get(pages["thread"]).status_code == 200
    assert "Vous avez accepté cette charte le" in page_text(client.get(pages["charter"]))


def test_a_new_version_of_the_charter_is_accepted_again(client, group, thread):
    user = sign_in(client, "member_without_charter", group)
    CharterAcceptanceFactory(user=user, group=group, version=CHARTER_VERSION - 1)

    response = client.get(urls(group, thread)["space"])

    assert response.status_code == 302 and "/charte/" in response["Location"]


def test_accepting_the_charter_of_one_group_does_not_open_another(client, group, thread):
    user = sign_in(client, "member", group)
    other = GroupFactory()
    MembershipFactory(group=other, user=user)

    response = client.get(reverse("forum:space", args=[other.slug]))

    assert response.status_code == 302 and "/charte/" in response["Location"]


def test_the_charter_never_sends_elsewhere_after_accepting(client, group, thread):
    sign_in(client, "member_without_charter", group)

    response = client.post(
        urls(group, thread)["charter"], {"accept": "on", "suite": "https://ailleurs.example/"}
    )

    assert response["Location"] == reverse("forum:space", args=[group.slug])


def test_personal_data_is_pointed_out_and_the_member_chooses(client, group, thread):
    sign_in(client, "member", group)
    url = urls(group, thread)["thread"]
    text = "Appelez-moi au 06 12 34 56 78 si besoin."

    suggestion = client.post(url, {"text": text})
    assert suggestion.status_code == 200
    content = page_text(suggestion)
    assert "Des informations personnelles ?" in content
    assert "[téléphone masqué]" in content
    assert text in content  # still in the box
    assert ForumPost.objects.count() == 1

    client.post(url, {"text": text, "choix": "masquee"})
    masked = ForumPost.objects.latest("id")
    assert masked.text == "Appelez-moi au [téléphone masqué] si besoin."
    assert masked.original_text == ""

    client.post(url, {"text": text + " Vraiment.", "choix": "tel-quel"})
    assert ForumPost.objects.latest("id").text == text + " Vraiment."


def test_a_new_private_thread_gets_the_same_suggestion_for_its_title(client, group, thread):
    sign_in(client, "member", group)
    url = urls(group, thread)["new"]
    data = {"title": "Appelez le 06 12 34 56 78", "text": "Rien de personnel ici."}

    suggestion = client.post(url, data)
    client.post(url, {**data, "choix": "masquee"})

    assert "[téléphone masqué]" in page_text(suggestion)
    created = ForumThread.objects.latest("id")
    assert created.title == "Appelez le [téléphone masqué]"
    assert created.status == Status.PUBLISHED


def test_a_private_message_without_personal_data_is_sent_at_once(client, group, thread):
    sign_in(client, "member", group)

    response = client.post(urls(group, thread)["thread"], {"text": "Merci pour samedi."})

    post = ForumPost.objects.latest("id")
    assert response["Location"].endswith(f"#message-{post.pk}")
    assert post.status == Status.PUBLISHED and post.text == "Merci pour samedi."


def test_a_private_reply_with_errors_keeps_the_text(client, group, thread):
    sign_in(client, "member", group)

    response = client.post(urls(group, thread)["thread"], {"text": "x" * 5001})

    assert response.status_code == 400
    assert "Votre message est trop long" in page_text(response)
    assert "x" * 5001 in page_text(response)


# --- The facilitators' hide -------------------------------------------------------------------


def moderate(client, group, post, **data):
    return client.post(reverse("forum:group_moderate", args=[group.slug, post.pk]), data)


def test_a_facilitator_hides_a_message_and_shows_it_again(client, group, thread):
    facilitator = sign_in(client, "facilitator", group)
    post = thread.opening
    reader = client.__class__()
    reader.force_login(person("member", group))

    moderate(client, group, post, action="masquer", **{f"m{post.pk}-motif": "Hors charte."})
    post.refresh_from_db()
    assert post.status == Status.HIDDEN
    assert ForumModerationAction.objects.get().actor == facilitator
    assert reader.get(urls(group, thread)["thread"]).status_code == 404  # the opening: all of it
    assert SECRET in page_text(client.get(urls(group, thread)["thread"]))

    moderate(client, group, post, action="retablir")
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert SECRET in page_text(reader.get(urls(group, thread)["thread"]))


def test_a_hidden_reply_shows_as_hidden_to_the_members(client, group, thread):
    sign_in(client, "facilitator", group)
    reply = thread.reply(author=UserFactory(), text="Une réponse qui dépasse les bornes.")
    moderate(client, group, reply, action="masquer", **{f"m{reply.pk}-motif": "Insulte."})
    reader = client.__class__()
    reader.force_login(person("member", group))

    content = page_text(reader.get(urls(group, thread)["thread"]))

    assert "Message masqué par l'animation du groupe" in content
    assert "Une réponse qui dépasse les bornes." not in content


def test_hiding_needs_a_reason_and_keeps_what_was_typed(client, group, thread):
    sign_in(client, "facilitator", group)
    post = thread.opening

    response = moderate(client, group, post, action="masquer", **{f"m{post.pk}-motif": "x" * 1001})

    assert response.status_code == 400
    assert "Ce texte est trop long" in page_text(response)
    assert "x" * 1001 in page_text(response)
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED


@pytest.mark.parametrize("role", ["member", "other_group_member", "moderator", "staff"])
def test_only_the_groups_facilitators_hide(client, role, group, thread):
    sign_in(client, role, group)
    post = thread.opening

    response = moderate(client, group, post, action="masquer", **{f"m{post.pk}-motif": "Non."})

    assert response.status_code == 404
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED


def test_a_facilitator_of_another_group_cannot_hide_here(client, group, thread):
    sign_in(client, "other_group_member", group)  # facilitator of Groupe Alpha
    post = thread.opening

    response = moderate(client, group, post, action="masquer", **{f"m{post.pk}-motif": "Non."})

    assert response.status_code == 404
