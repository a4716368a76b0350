"""The Groupe Logement's own record, loaded from content/experiences/groupe-logement.toml by the
demo (with the demo facilitator and member as consenting presenters), and the loader's checks."""

import pytest
from django.urls import reverse

from portail.core.content import ContentError
from portail.core.management.commands.demo import create_demo_accounts
from portail.directory.content import load_organisations
from portail.experiences import demo
from portail.experiences.content import load_record, load_skills
from portail.experiences.models import Attestation, ExperienceRecord, RecordSection
from portail.groups.content import load_groups
from portail.places.content import load_places, load_subjects, load_themes
from tests.groups.factories import GroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_accounts():
    load_themes()
    load_subjects()
    load_places()
    load_organisations()
    load_groups()
    load_skills()  # content, loaded by load_content() before the demos
    create_demo_accounts("un-mot-de-passe-de-demo-42")


def test_the_demo_record_tells_every_part_and_is_loaded_once(demo_accounts):
    first = demo.load_demo()
    second = demo.load_demo()

    record = ExperienceRecord.objects.get()
    assert record.group.slug == "groupe-logement" and record.is_published
    kinds = list(record.sections.values_list("kind", flat=True))
    assert kinds == [kind for kind in RecordSection.Kind.values if kind != "autre"]
    assert all(section.skills.exists() for section in record.sections.all())
    assert all(section.public_presenters() for section in record.sections.all())
    assert sum(tally.created for tally in second) == 0
    assert sum(tally.updated for tally in second) == 0
    assert {tally.label for tally in first} >= {"Récits d'expérience", "Parties des récits"}
    assert "Savoir-faire" not in {tally.label for tally in first}
    assert Attestation.objects.get().user.email == "membre@demo.portail"


def test_the_demo_record_names_its_consenting_presenters(client, demo_accounts):
    demo.load_demo()
    record = ExperienceRecord.objects.get()

    html = client.get(record.get_absolute_url()).content.decode()

    assert "Animatrice (démo)" in html and "Membre (démo)" in html
    assert "jeu de l&#x27;oie" in html
    assert "un immeuble" in html


def test_the_demo_records_edits_made_on_the_portal_are_put_back(demo_accounts):
    demo.load_demo()
    record = ExperienceRecord.objects.get()
    section = record.sections.first()
    section.text = "Modifié à la main."
    section.save()
    RecordSection.objects.create(record=record, position=99, kind="autre", title="x", text="y")

    demo.load_demo()

    assert record.sections.count() == 7
    assert "Saint-Étienne" in record.sections.first().text


def test_the_demo_members_skills_appear_in_their_portfolio(client, demo_accounts):
    demo.load_demo()
    member = Attestation.objects.get().user
    client.force_login(member)

    html = client.get(reverse("experiences:my_portfolio")).content.decode()

    assert "expliquer les mots du logement" in html
    assert "A présenté « Réalisations » du récit « Le Groupe Logement raconte son histoire »" in (
        html
    )


def write_record(tmp_path, body):
    (tmp_path / "experiences").mkdir(exist_ok=True)
    (tmp_path / "experiences" / "essai.toml").write_text(body, encoding="utf-8")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('slug = "essai"\ngroup = "nulle-part"\ntitle = "T"\n', "groupe inconnu"),
        ('slug = "essai"\ngroup = "g"\ntitle = "T"\n', "au moins une partie"),
        (
            'slug = "essai"\ngroup = "g"\ntitle = "T"\n[[sections]]\nkind = "fin"\ntext = "x"\n',
            "n'est pas une partie connue",
        ),
        (
            'slug = "essai"\ngroup = "g"\ntitle = "T"\n[[sections]]\nkind = "suites"\ntext = "x"'
            '\nskills = ["voler"]\n',
            "savoir-faire inconnu : « voler »",
        ),
        (
            'slug = "essai"\ngroup = "g"\ntitle = "T"\ncouleur = "bleu"\n',
            r"clé\(s\) inconnue\(s\) : couleur",
        ),
        ('slug = "essai"\ngroup = "g"\ntitle = "T"\n[[sections]]\nkind = "suites"\n', "text"),
    ],
)
def test_a_broken_record_file_says_what_is_wrong(tmp_path, settings, body, message):
    GroupFactory(slug="g")
    settings.CONTENT_DIR = tmp_path
    write_record(tmp_path, body)

    with pytest.raises(ContentError, match=message):
        load_record("essai")


def test_a_record_file_matches_skills_however_they_are_written(tmp_path, settings, group):
    load_skills()
    settings.CONTENT_DIR = tmp_path
    write_record(
        tmp_path,
        f'slug = "essai"\ngroup = "{group.slug}"\ntitle = "T"\n[[sections]]\nkind = "suites"\n'
        'text = "x"\nskills = ["Savoir Animer", "faire un etat des lieux"]\n',
    )

    record, _tallies = load_record("essai")

    names = set(record.sections.get().skills.values_list("name", flat=True))
    assert names == {"savoir animer", "faire un état des lieux"}
