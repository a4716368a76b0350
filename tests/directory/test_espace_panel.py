"""Mon espace, for partner accounts: their organisations, whether each page is up to date, and
the links to correct it or confirm it in one click."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.directory.factories import OrganisationFactory, OrganisationMemberFactory

pytestmark = pytest.mark.django_db

ESPACE = reverse("accounts:espace")


def panel(client):
    content = html.unescape(client.get(ESPACE).content.decode())
    if 'id="role-partenaire"' not in content:
        return None
    start = content.index('aria-labelledby="role-partenaire"')
    return content[start : content.index("</section>", start)]


@pytest.mark.parametrize(
    "traits", [{}, {"member": True}, {"facilitator": True}, {"moderator": True}, {"staff": True}]
)
def test_people_without_an_organisation_have_no_panel(client, traits):
    OrganisationFactory()
    client.force_login(UserFactory(**traits))

    assert panel(client) is None


def test_a_partner_sees_each_of_their_organisations_with_its_state_and_actions(client):
    user = UserFactory()
    stale = OrganisationMemberFactory(
        user=user,
        organisation__name="ASIM",
        organisation__slug="asim",
        organisation__last_checked_on=datetime.date(2020, 3, 1),
    ).organisation
    fresh = OrganisationMemberFactory(
        user=user,
        organisation__name="Centre social",
        organisation__slug="centre",
        organisation__last_checked_on=timezone.localdate(),
    ).organisation
    OrganisationFactory(name="Celle des autres")
    client.force_login(user)

    content = panel(client)

    assert "Celle des autres" not in content
    assert content.index("ASIM") < content.index("Centre social")
    assert "À vérifier : dernière vérification le 1 mars 2020, il y a plus d'un an." in content
    assert "À jour : vérifiées le" in content
    for organisation in (stale, fresh):
        assert f'href="{reverse("directory:edit", args=[organisation.slug])}"' in content
        assert f'action="{reverse("directory:confirm", args=[organisation.slug])}"' in content
    assert "csrfmiddlewaretoken" in content


def test_the_one_click_button_of_the_panel_confirms(client):
    member = OrganisationMemberFactory()
    client.force_login(member.user)

    client.post(reverse("directory:confirm", args=[member.organisation.slug]))

    member.organisation.refresh_from_db()
    assert member.organisation.last_checked_on == timezone.localdate()
    assert "À jour : vérifiées le" in panel(client)
