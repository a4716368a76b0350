"""The état des lieux: counts by theme × state and quartier × theme, the filters, the list of
questions waiting for a piste, and the CSV export of the counts."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from portail.questions.models import Question
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.places.factories import QuartierFactory, ThemeFactory
from tests.questions.factories import EMAIL_MARKER, ORIGINAL_MARKER, QuestionFactory

pytestmark = pytest.mark.django_db

INVENTORY = reverse("questions:inventory")
CSV_URL = reverse("questions:inventory_csv")


@pytest.fixture
def world():
    """Two themes, two quartiers and questions in every state."""
    logement = ThemeFactory(name="Logement", order=1)
    sante = ThemeFactory(name="Santé", order=2)
    nord = QuartierFactory(name="Montreynaud")
    sud = QuartierFactory(name="Beaubrun")
    old = timezone.now() - datetime.timedelta(days=40)
    questions = {
        "first": QuestionFactory(published=True, theme=logement, quartier=nord, created_at=old),
        "second": QuestionFactory(published=True, theme=logement, quartier=nord),
        "answered": QuestionFactory(answered=True, theme=logement, quartier=nord),
        "resolved": QuestionFactory(resolved=True, theme=logement, quartier=sud),
        "private": QuestionFactory(
            private=True, theme=sante, quartier=nord, kind=Question.Kind.TESTIMONY
        ),
        "closed": QuestionFactory(published=True, status=Question.Status.CLOSED),
        "received": QuestionFactory(theme=logement, quartier=nord),
        "rejected": QuestionFactory(rejected=True, theme=sante, quartier=sud),
    }
    questions["duplicate"] = QuestionFactory(
        duplicate=True, duplicate_of=questions["first"], theme=logement, quartier=nord
    )
    return {"logement": logement, "sante": sante, "nord": nord, "sud": sud, **questions}


@pytest.fixture
def member(client):
    user = UserFactory(member=True)
    client.force_login(user)
    return user


@pytest.fixture
def moderator(client):
    user = UserFactory(moderator=True)
    client.force_login(user)
    return user


def status_rows(response):
    table = response.context["status_table"]
    return {
        (theme.name if theme else None): (counts, total) for theme, counts, total in table["rows"]
    }


def quartier_rows(response):
    table = response.context["quartier_table"]
    return {
        (quartier.name if quartier else None): (counts, total)
        for quartier, counts, total in table["rows"]
    }


def read_csv(response):
    content = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


# --- Counts --------------------------------------------------------------------------------------


def test_members_count_the_approved_questions_by_theme_and_state(client, member, world):
    response = client.get(INVENTORY)

    table = response.context["status_table"]
    assert [status for status, _label in table["columns"]] == [
        "publiee",
        "piste",
        "resolue",
        "close",
    ]
    assert status_rows(response) == {
        "Logement": ([2, 1, 1, 0], 4),
        "Santé": ([1, 0, 0, 0], 1),
        None: ([0, 0, 0, 1], 1),
    }
    assert table["totals"] == [3, 1, 1, 1]
    assert table["total"] == 6


def test_moderators_also_count_received_rejected_and_merged_questions(client, moderator, world):
    response = client.get(INVENTORY)

    table = response.context["status_table"]
    assert [status for status, _label in table["columns"]] == list(Question.Status.values)
    assert status_rows(response)["Logement"] == ([1, 2, 1, 1, 0, 0, 1], 6)
    assert status_rows(response)["Santé"] == ([0, 1, 0, 0, 0, 1, 0], 2)
    assert table["total"] == 9


def test_the_second_table_counts_by_quartier_and_theme(client, member, world):
    response = client.get(INVENTORY)

    table = response.context["quartier_table"]
    assert [theme.name if theme else None for theme in table["columns"]] == [
        "Logement",
        "Santé",
        None,
    ]
    assert quartier_rows(response) == {
        "Montreynaud": ([3, 1, 0], 4),
        "Beaubrun": ([1, 0, 0], 1),
        None: ([0, 0, 1], 1),
    }
    assert table["totals"] == [4, 1, 1]
    assert table["total"] == 6


def test_the_tables_are_real_tables_with_headers(client, member, world):
    content = page_text(client.get(INVENTORY))

    assert '<th scope="col">Publiée</th>' in content
    assert '<th scope="row">Logement</th>' in content
    assert '<th scope="row">Quartier non précisé</th>' in content
    assert '<th scope="row">Sans thème</th>' in content


def test_an_empty_inventory_shows_zeros(client, member):
    response = client.get(INVENTORY)

    assert response.status_code == 200
    assert response.context["status_table"]["total"] == 0
    assert "Aucune question n'attend de piste avec ces choix." in page_text(response)


# --- Filters -------------------------------------------------------------------------------------


def test_filtering_by_quartier(client, member, world):
    response = client.get(INVENTORY, {"quartier": world["nord"].pk})

    assert response.context["status_table"]["total"] == 4
    assert quartier_rows(response) == {"Montreynaud": ([3, 1, 0], 4), None: ([0, 0, 0], 0)}


def test_filtering_by_theme_state_and_kind(client, member, world):
    by_theme = client.get(INVENTORY, {"theme": world["sante"].pk})
    by_state = client.get(INVENTORY, {"etat": "publiee"})
    by_kind = client.get(INVENTORY, {"type": "temoignage"})

    assert by_theme.context["status_table"]["total"] == 1
    assert by_state.context["status_table"]["totals"] == [3, 0, 0, 0]
    assert by_kind.context["status_table"]["total"] == 1


def test_filtering_by_dates(client, member, world):
    today = timezone.localdate()
    since = client.get(INVENTORY, {"du": (today - datetime.timedelta(days=7)).isoformat()})
    until = client.get(INVENTORY, {"au": (today - datetime.timedelta(days=30)).isoformat()})

    assert since.context["status_table"]["total"] == 5
    assert until.context["status_table"]["total"] == 1


def test_dates_may_be_typed_the_french_way(client, member, world):
    since = timezone.localdate() - datetime.timedelta(days=7)

    response = client.get(INVENTORY, {"du": since.strftime("%d/%m/%Y")})

    assert not response.context["form"].errors
    assert response.context["status_table"]["total"] == 5


def test_a_member_cannot_filter_on_states_they_do_not_see(client, member, world):
    response = client.get(INVENTORY, {"etat": "refusee"})

    assert "Cet état n'existe pas" in page_text(response)
    assert response.context["status_table"]["total"] == 6


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"du": "hier"}, "Écrivez la date sous la forme jj/mm/aaaa."),
        ({"quartier": "999999"}, "Ce quartier n'existe pas"),
        ({"theme": "x"}, "Ce thème n'existe pas"),
        ({"du": "2030-01-02", "au": "2030-01-01"}, "Cette date est avant la date de début"),
    ],
)
def test_a_wrong_filter_is_explained_and_ignored(client, member, world, params, message):
    response = client.get(INVENTORY, params)

    content = page_text(response)
    assert response.status_code == 200
    assert "Un filtre n'a pas été compris" in content
    assert message in content
    if "du" in params and "au" not in params:
        assert response.context["status_table"]["total"] == 6


# --- The questions to work on --------------------------------------------------------------------


def test_the_questions_waiting_for_a_piste_are_listed_oldest_first(client, member, world):
    response = client.get(INVENTORY)

    waiting = [q.pk for q in response.context["page"].object_list]
    assert waiting == [world["first"].pk, world["second"].pk, world["private"].pk]
    content = response.content.decode()
    assert reverse("questions:work", args=[world["first"].pk]) in content
    assert ORIGINAL_MARKER not in content


def test_the_list_follows_the_filters(client, member, world):
    response = client.get(INVENTORY, {"theme": world["sante"].pk})

    assert [q.pk for q in response.context["page"].object_list] == [world["private"].pk]


def test_the_inventory_runs_a_bounded_number_of_queries(
    client, member, world, django_assert_max_num_queries
):
    for quartier in QuartierFactory.create_batch(10):
        QuestionFactory.create_batch(3, published=True, quartier=quartier, theme=world["sante"])

    with django_assert_max_num_queries(16):
        response = client.get(INVENTORY)

    assert response.context["status_table"]["total"] == 36


# --- CSV -----------------------------------------------------------------------------------------


def test_the_csv_counts_by_theme_quartier_state_and_kind(client, member, world):
    response = client.get(CSV_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="etat-des-lieux-')
    assert response.content.startswith("\ufeff".encode())
    rows = read_csv(response)
    assert rows[0] == ["Thème", "Quartier", "Commune", "État", "Type", "Nombre"]
    body = {tuple(row[:2] + row[3:5]): int(row[5]) for row in rows[1:]}
    assert body == {
        ("Logement", "Beaubrun", "résolue", "question"): 1,
        ("Logement", "Montreynaud", "publiée", "question"): 2,
        ("Logement", "Montreynaud", "piste donnée", "question"): 1,
        ("Santé", "Montreynaud", "publiée", "témoignage"): 1,
        ("Sans thème", "Quartier non précisé", "close", "question"): 1,
    }
    assert sum(body.values()) == 6


def test_the_csv_follows_the_filters(client, member, world):
    rows = read_csv(client.get(CSV_URL, {"quartier": world["sud"].pk}))

    assert [row[1] for row in rows[1:]] == ["Beaubrun"]


def test_the_csv_holds_no_text_and_no_personal_data(client, moderator, world):
    QuestionFactory(email=EMAIL_MARKER)

    content = client.get(CSV_URL).content.decode("utf-8-sig")

    assert ORIGINAL_MARKER not in content
    assert EMAIL_MARKER not in content
    assert "caution" not in content
    assert "reçue" in content


def test_a_csv_with_a_wrong_filter_says_why(client, member, world):
    response = client.get(CSV_URL, {"du": "demain"})

    assert response.status_code == 400
    assert "Écrivez la date sous la forme jj/mm/aaaa." in response.content.decode()


def test_the_page_links_to_the_csv_with_the_same_filters(client, member, world):
    content = page_text(client.get(INVENTORY, {"theme": world["sante"].pk}))

    assert f"{CSV_URL}?theme={world['sante'].pk}" in content
