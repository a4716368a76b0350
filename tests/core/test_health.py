import pytest
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.urls import reverse

from portail.core.tasks import send_email

pytestmark = pytest.mark.django_db

URL = reverse("core:health")
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_health_answers_ok_with_the_database_engine(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    body = response.json()
    assert body["etat"] == "ok"
    assert body["verifications"]["base_de_donnees"] == {
        "etat": "ok",
        "moteur": connection.vendor,
    }
    assert body["verifications"]["taches"]["mode"] == "immédiat"


def test_health_counts_the_waiting_tasks_with_the_database_queue(client, settings):
    settings.TASKS = DB_TASKS
    send_email.enqueue(subject="Essai", body="Bonjour", to=["a@exemple.org"])
    send_email.enqueue(subject="Essai 2", body="Bonjour", to=["b@exemple.org"])

    response = client.get(URL)

    assert response.status_code == 200
    tasks = response.json()["verifications"]["taches"]
    assert tasks["etat"] == "ok"
    assert tasks["mode"] == "base de données"
    assert tasks["en_attente"] == 2
    assert tasks["attente_max_secondes"] >= 0


def test_health_reports_an_empty_database_queue(client, settings):
    settings.TASKS = DB_TASKS
    tasks = client.get(URL).json()["verifications"]["taches"]
    assert tasks["en_attente"] == 0
    assert tasks["attente_max_secondes"] == 0


def test_health_answers_503_when_the_database_is_unreachable(client, monkeypatch, caplog):
    def database_down(self, *args, **kwargs):
        raise OperationalError("connexion refusée")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", database_down)
    response = client.get(URL)

    assert response.status_code == 503
    body = response.json()
    assert body["etat"] == "erreur"
    assert body["verifications"]["base_de_donnees"] == {"etat": "erreur"}
    assert "health: database unreachable" in caplog.text


def test_health_answers_503_when_the_task_queue_is_unreachable(client, settings, monkeypatch):
    settings.TASKS = DB_TASKS
    from django_tasks_db.models import DBTaskResultQuerySet

    def table_missing(self):
        raise OperationalError("no such table")

    monkeypatch.setattr(DBTaskResultQuerySet, "ready", table_missing)
    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["verifications"]["taches"] == {
        "etat": "erreur",
        "mode": "base de données",
    }


def test_health_refuses_post(client):
    assert client.post(URL).status_code == 405


def test_liveness_probe_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/sante/ok/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
