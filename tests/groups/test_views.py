import pytest
from django.urls import reverse

from portail.directory.models import Organisation
from tests.directory.factories import OrganisationFactory
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.groups.roles import person
from tests.places.factories import QuartierFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_group():
    return GroupFactory(name="Groupe de parole", slug="groupe-de-parole", is_public=False)


ROLE_MATRIX = [
    ("anonymous", False),
    ("resident", False),
    ("member", True),
    ("facilitator", True),
    ("member_elsewhere", False),
    ("moderator", False),
    ("partner", False),
    ("staff", True),
]


@pytest.mark.parametrize(("kind", "may_see"), ROLE_MATRIX)
def test_a_private_group_page_is_shown_only_to_its_members_and_the_staff(
    client, private_group, kind, may_see
):
    user = person(kind, private_group)
    if user:
        client.force_login(user)

    response = client.get(private_group.get_absolute_url())

    assert response.status_code == (200 if may_see else 404)
    if may_see:
        assert "Ce groupe est privé" in response.text


@pytest.mark.parametrize(("kind", "may_see"), ROLE_MATRIX)
def test_a_private_group_is_listed_only_for_those_who_may_see_it(
    client, private_group, kind, may_see
):
    GroupFactory(name="Groupe ouvert")
    user = person(kind, private_group)
    if user:
        client.force_login(user)

    response = client.get(reverse("groups:list"))

    assert response.status_code == 200
    assert "Groupe ouvert" in response.text
    assert ("Groupe de parole" in response.text) is may_see


@pytest.mark.parametrize("kind", [kind for kind, _ in ROLE_MATRIX])
def test_a_public_group_page_is_open_to_everyone(client, kind):
    group = GroupFactory(name="Groupe Logement", presentation="La force est dans le groupe.")
    user = person(kind, group)
    if user:
        client.force_login(user)

    response = client.get(group.get_absolute_url())

    assert response.status_code == 200
    assert "La force est dans le groupe." in response.text


def test_an_unknown_group_is_a_404(client):
    assert client.get(reverse("groups:detail", args=["inconnu"])).status_code == 404


def test_the_group_page_shows_themes_with_labels_quartiers_how_to_join_and_partners(client):
    theme = ThemeFactory(name="Logement", pictogram="maison")
    quartier = QuartierFactory(name="Montreynaud", commune__name="Saint-Étienne")
    partner = OrganisationFactory(name="ATD Quart Monde", slug="atd-quart-monde")
    group = GroupFactory(how_to_join="Venez à la réunion du mardi.")
    group.themes.add(theme)
    group.quartiers.add(quartier)
    group.partners.add(partner)

    response = client.get(group.get_absolute_url())

    page = response.text
    assert '<svg class="picto"' in page
    assert "<span>Logement</span>" in page
    assert "Montreynaud (Saint-Étienne)" in page
    assert "Venez à la réunion du mardi." in page
    assert f'href="{partner.get_absolute_url()}"' in page


def test_a_member_is_told_they_belong_to_the_group(client):
    membership = MembershipFactory()
    client.force_login(membership.user)

    response = client.get(membership.group.get_absolute_url())

    assert "Vous faites partie de ce groupe." in response.text


def test_the_list_groups_the_groups_by_quartier(client):
    montreynaud = QuartierFactory(name="Montreynaud")
    beaulieu = QuartierFactory(name="Beaulieu")
    logement = GroupFactory(name="Groupe Logement")
    alpha = GroupFactory(name="Groupe alpha")
    secret = GroupFactory(name="Groupe secret", is_public=False)
    logement.quartiers.add(montreynaud, beaulieu)
    alpha.quartiers.add(montreynaud)
    secret.quartiers.add(beaulieu)

    response = client.get(reverse("groups:by_quartier"))

    by_quartier = {
        q.name: [g.name for g in q.visible_groups] for q in response.context["quartiers"]
    }
    assert by_quartier == {
        "Beaulieu": ["Groupe Logement"],
        "Montreynaud": ["Groupe alpha", "Groupe Logement"],
    }
    assert "Les groupes par quartier" in response.text
    assert "Groupe secret" not in response.text


def test_the_list_links_to_the_groups_by_quartier_and_the_links_between_groups(client):
    response = client.get(reverse("groups:list"))

    assert f'href="{reverse("groups:by_quartier")}"' in response.text
    assert f'href="{reverse("groups:links")}"' in response.text


def test_an_organisation_page_lists_only_the_groups_the_visitor_may_see(client):
    organisation = OrganisationFactory(kind=Organisation.Kind.SOCIAL_CENTRE)
    GroupFactory(name="Groupe ouvert").partners.add(organisation)
    GroupFactory(name="Groupe fermé", is_public=False).partners.add(organisation)

    response = client.get(organisation.get_absolute_url())

    assert "Groupe ouvert" in response.text
    assert "Groupe fermé" not in response.text


def _kept_out_of_caches(response):
    return "no-store" in response.get("Cache-Control", "")


def test_pages_naming_a_private_group_are_kept_out_of_the_browser_cache(client, private_group):
    from portail.groups.models import GroupLink

    quartier = QuartierFactory(name="Beaulieu")
    private_group.quartiers.add(quartier)
    organisation = OrganisationFactory()
    private_group.partners.add(organisation)
    partner = GroupFactory(name="Groupe ouvert")
    GroupLink.objects.create(from_group=private_group, to_group=partner, status="accepte")
    client.force_login(MembershipFactory(group=private_group).user)
    pages = [
        reverse("groups:list"),
        reverse("groups:by_quartier"),
        reverse("groups:links"),
        organisation.get_absolute_url(),
    ]

    for url in pages:
        response = client.get(url)
        assert "Groupe de parole" in response.text, url
        assert _kept_out_of_caches(response), url


def test_pages_naming_only_public_groups_may_be_cached(client, private_group):
    quartier = QuartierFactory(name="Beaulieu")
    public = GroupFactory(name="Groupe ouvert")
    public.quartiers.add(quartier)
    organisation = OrganisationFactory()
    public.partners.add(organisation)
    client.force_login(MembershipFactory(group=public).user)

    for url in [
        reverse("groups:list"),
        reverse("groups:by_quartier"),
        organisation.get_absolute_url(),
    ]:
        response = client.get(url)
        assert "Groupe ouvert" in response.text, url
        assert not _kept_out_of_caches(response), url
