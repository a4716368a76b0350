"""The group page: the questions of its themes and quartiers, the other rooms' panels, and no
caching of what only members see."""

from html import unescape

import pytest
from django.urls import reverse

from portail.core import panels
from tests.groups.factories import GroupFactory, MembershipFactory, PostFactory
from tests.places.factories import QuartierFactory, ThemeFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    group = GroupFactory(name="Groupe Logement")
    group.themes.add(ThemeFactory(name="Logement", slug="logement"))
    group.quartiers.add(QuartierFactory(name="Montreynaud"))
    return group


def test_the_page_counts_the_published_questions_of_its_themes_and_quartiers(client, group):
    theme = group.themes.get()
    quartier = group.quartiers.get()
    QuestionFactory(published=True, theme=theme, text="Ma caution n'est pas rendue.")
    QuestionFactory(answered=True, quartier=quartier, text="Le chauffage est en panne.")
    QuestionFactory(published=True, text="Une question d'un autre thème.")
    QuestionFactory(private=True, theme=theme, text="Une question gardée privée.")
    QuestionFactory(theme=theme, text="Une question pas encore relue.")

    response = client.get(group.get_absolute_url())

    inventory = response.context["inventory"]
    assert inventory["total"] == 2
    counts = {row["status"]: row["count"] for row in inventory["by_status"]}
    assert counts == {"publiee": 1, "piste": 1, "resolue": 0, "close": 0}
    text = unescape(response.text)
    assert "<strong>1</strong> question attend une piste" in text
    assert "Ma caution n'est pas rendue." in text
    assert "Le chauffage est en panne." in text
    assert "autre thème" not in text
    assert "gardée privée" not in text
    assert "pas encore relue" not in text
    assert f"{reverse('questions:list')}?theme=logement" in response.text


def test_members_get_the_link_to_the_inventory_others_do_not(client, group):
    inventory = reverse("questions:inventory")
    assert inventory not in client.get(group.get_absolute_url()).text

    client.force_login(MembershipFactory(group=group).user)

    assert inventory in client.get(group.get_absolute_url()).text


def test_the_page_shows_the_panels_other_rooms_add_to_it(client, group, tmp_path, settings):
    template = tmp_path / "panneau.html"
    template.write_text("<section><h2>Panneau de test {{ group.name }}</h2></section>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    panels.register("group", "test-panel", "panneau.html", lambda request, group: {})
    try:
        response = client.get(group.get_absolute_url())
    finally:
        panels._PANELS["group"].pop("test-panel")

    assert "Panneau de test Groupe Logement" in response.text


def test_a_members_page_is_not_kept_in_caches_a_visitors_page_may_be(client, group):
    PostFactory(group=group, members_only=True)

    visitor = client.get(group.get_absolute_url())
    client.force_login(MembershipFactory(group=group).user)
    member = client.get(group.get_absolute_url())

    assert "no-store" not in visitor.get("Cache-Control", "")
    assert "no-store" in member["Cache-Control"]


def test_a_photo_without_description_still_has_a_text_alternative(client, group):
    PostFactory(group=group, public=True, with_image=True, image_alt="")

    response = client.get(group.get_absolute_url())

    assert 'alt="Photo jointe au message"' in response.text
