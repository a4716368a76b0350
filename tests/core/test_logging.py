import json
import logging
import sys

import pytest

from portail.core.logging import JsonFormatter

pytestmark = pytest.mark.django_db


def make_record(message="bonjour %s", args=("Saint-Étienne",), exc_info=None, **extra):
    record = logging.LogRecord(
        "portail.essai", logging.WARNING, __file__, 12, message, args, exc_info
    )
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_each_log_line_is_one_json_object():
    line = JsonFormatter().format(make_record())

    entry = json.loads(line)
    assert "\n" not in line
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "portail.essai"
    assert entry["message"] == "bonjour Saint-Étienne"
    assert entry["time"].endswith("+00:00")


def test_extra_fields_become_top_level_keys():
    entry = json.loads(
        JsonFormatter().format(make_record(request_id="abc", status=200, objet=object()))
    )

    assert entry["request_id"] == "abc"
    assert entry["status"] == 200
    assert entry["objet"].startswith("<object object")
    assert "args" not in entry
    assert "pathname" not in entry


def test_an_exception_is_kept_with_its_traceback():
    try:
        raise ValueError("valeur impossible")
    except ValueError:
        record = make_record("échec", (), exc_info=sys.exc_info())

    entry = json.loads(JsonFormatter().format(record))

    assert "Traceback" in entry["exception"]
    assert "ValueError: valeur impossible" in entry["exception"]


def request_log(caplog):
    records = [r for r in caplog.records if r.name == "portail.requests"]
    assert len(records) == 1
    return records[0]


def test_each_request_is_logged_with_method_path_status_and_duration(client, caplog):
    caplog.set_level(logging.INFO, logger="portail.requests")

    response = client.get("/contact/?email=moi@exemple.org&q=expulsion")

    record = request_log(caplog)
    assert record.method == "GET"
    assert record.path == "/contact/"
    assert record.status == 200
    assert record.duration_ms >= 0
    assert record.request_id == response["X-Request-Id"]
    assert record.getMessage() == "GET /contact/ 200"


def test_the_query_string_never_reaches_the_log(client, caplog):
    caplog.set_level(logging.INFO, logger="portail.requests")
    client.get("/contact/?email=moi@exemple.org")
    line = JsonFormatter().format(request_log(caplog))
    assert "moi@exemple.org" not in line
    assert "email=" not in line


def test_a_request_id_from_the_proxy_is_echoed(client, caplog):
    caplog.set_level(logging.INFO, logger="portail.requests")

    response = client.get("/", HTTP_X_REQUEST_ID="proxy-1234.abc")

    assert response["X-Request-Id"] == "proxy-1234.abc"
    assert request_log(caplog).request_id == "proxy-1234.abc"


def test_a_request_id_is_made_when_none_comes_in(client):
    first = client.get("/")["X-Request-Id"]
    second = client.get("/")["X-Request-Id"]
    assert len(first) == 32
    assert first != second


@pytest.mark.parametrize("bad_id", ["a b", "x" * 65, "ligne\\nfausse", "<script>"])
def test_a_strange_request_id_is_replaced(client, bad_id):
    response = client.get("/", HTTP_X_REQUEST_ID=bad_id)
    assert response["X-Request-Id"] != bad_id
    assert len(response["X-Request-Id"]) == 32


def test_the_user_id_is_logged_once_the_view_has_loaded_the_user(client, caplog):
    from tests.accounts.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    caplog.set_level(logging.INFO, logger="portail.requests")

    client.get("/")  # base.html asks whether the user is signed in

    assert request_log(caplog).user_id == user.pk


def test_an_anonymous_request_is_logged_without_user(client, caplog):
    caplog.set_level(logging.INFO, logger="portail.requests")
    client.get("/sante/")
    assert request_log(caplog).user_id is None


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/compte/confirmer/Nw:1vQx2a:Zk3ZQ4bL9xYtq0aV7hW2s/", "/compte/confirmer/[jeton]/"),
        (
            "/compte/mot-de-passe/reinitialiser/Mg/cx9k1z-3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c/",
            "/compte/mot-de-passe/reinitialiser/Mg/[jeton]/",
        ),
        ("/groupes/groupe-logement-saint-etienne/", "/groupes/groupe-logement-saint-etienne/"),
    ],
)
def test_secret_tokens_in_the_path_never_reach_the_log(client, caplog, path, logged):
    caplog.set_level(logging.INFO, logger="portail.requests")
    client.get(path)
    record = request_log(caplog)
    assert record.path == logged
    assert record.getMessage().split(" ")[1] == logged
