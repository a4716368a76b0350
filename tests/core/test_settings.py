"""The settings read the environment and refuse a bad configuration at start-up."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portail.env import cache_config, env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 50


# --- The small readers -------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["1", "true", "TRUE", " yes ", "on", "oui"])
def test_env_bool_reads_true(raw):
    assert env_bool("X", False, environ={"X": raw}) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", "non", ""])
def test_env_bool_reads_false(raw):
    assert env_bool("X", True, environ={"X": raw}) is False


def test_env_bool_falls_back_to_the_default_when_unset():
    assert env_bool("X", True, environ={}) is True


def test_env_bool_refuses_anything_else_and_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DEBUG='peut-être'"):
        env_bool("DEBUG", environ={"DEBUG": "peut-être"})


def test_env_int_reads_a_number_and_checks_the_minimum():
    assert env_int("N", 5, environ={"N": "12"}) == 12
    assert env_int("N", 5, environ={}) == 5
    assert env_int("N", 5, environ={"N": "  "}) == 5
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT='vingt-cinq'"):
        env_int("EMAIL_PORT", environ={"EMAIL_PORT": "vingt-cinq"})
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT=0 doit être au moins 1"):
        env_int("EMAIL_PORT", minimum=1, environ={"EMAIL_PORT": "0"})


def test_env_list_splits_on_commas_and_drops_blanks():
    assert env_list("H", environ={"H": " a.example , b.example,, "}) == ["a.example", "b.example"]
    assert env_list("H", ["localhost"], environ={}) == ["localhost"]
    assert env_list("H", ["localhost"], environ={"H": ""}) == []


def test_env_choice_accepts_only_the_listed_values():
    assert env_choice("T", {"a", "b"}, "a", environ={"T": "b"}) == "b"
    assert env_choice("T", {"a", "b"}, "a", environ={}) == "a"
    with pytest.raises(ImproperlyConfigured, match=r"LOG_FORMAT='xml'.*json, text"):
        env_choice("LOG_FORMAT", {"json", "text"}, "json", environ={"LOG_FORMAT": "xml"})


def test_env_str_can_be_required():
    assert env_str("S", "défaut", environ={}) == "défaut"
    assert env_str("S", "défaut", environ={"S": ""}) == "défaut"
    assert env_str("S", environ={"S": "valeur"}) == "valeur"
    with pytest.raises(ImproperlyConfigured, match="SITE_URL est obligatoire"):
        env_str("SITE_URL", required=True, environ={})


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("locmem://portail", "django.core.cache.backends.locmem.LocMemCache", "portail"),
        (
            "redis://127.0.0.1:6379/1",
            "django.core.cache.backends.redis.RedisCache",
            "redis://127.0.0.1:6379/1",
        ),
        (
            "rediss://cache.example:6380/0",
            "django.core.cache.backends.redis.RedisCache",
            "rediss://cache.example:6380/0",
        ),
        ("db://ma_table", "django.core.cache.backends.db.DatabaseCache", "ma_table"),
        ("db://", "django.core.cache.backends.db.DatabaseCache", "portail_cache"),
    ],
)
def test_cache_config_understands_each_scheme(url, backend, location):
    config = cache_config(url)
    assert config["BACKEND"] == backend
    assert config["LOCATION"] == location


def test_cache_config_can_turn_the_cache_off():
    assert cache_config("dummy://") == {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "redis", "127.0.0.1:6379"])
def test_cache_config_refuses_an_unknown_scheme_naming_the_variable(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL="):
        cache_config(url)


# --- The whole settings module, in a fresh interpreter ---------------------------------------


def run_python(code, tmp_path, **env):
    """Run `code` in a new interpreter whose environment holds only what the test gives."""
    environ = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DATA_DIR": str(tmp_path / "data"),
        "LOG_LEVEL": "ERROR",
        **env,
    }
    return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def import_settings(tmp_path, **env):
    return run_python("import portail.settings", tmp_path, **env)


def test_a_complete_production_configuration_loads(tmp_path):
    result = import_settings(tmp_path, DEBUG="false", SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    result = import_settings(tmp_path, DEBUG="false")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY est obligatoire" in result.stderr


def test_production_refuses_a_short_secret_key(tmp_path):
    result = import_settings(tmp_path, DEBUG="false", SECRET_KEY="trop-courte")
    assert result.returncode != 0
    assert "SECRET_KEY doit faire au moins 32 caractères" in result.stderr


def test_an_unsupported_database_refuses_to_start(tmp_path):
    result = import_settings(
        tmp_path, SECRET_KEY=GOOD_KEY, DATABASE_URL="mysql://portail:secret@127.0.0.1/portail"
    )
    assert result.returncode != 0
    assert "DATABASE_URL : seuls SQLite et PostgreSQL" in result.stderr


def test_an_unknown_task_backend_refuses_to_start(tmp_path):
    result = import_settings(tmp_path, SECRET_KEY=GOOD_KEY, TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "TASKS_BACKEND='celery'" in result.stderr


def test_a_bad_cache_url_refuses_to_start(tmp_path):
    result = import_settings(tmp_path, SECRET_KEY=GOOD_KEY, CACHE_URL="memcached://127.0.0.1")
    assert result.returncode != 0
    assert "CACHE_URL='memcached://127.0.0.1'" in result.stderr


def test_tls_and_ssl_together_refuse_to_start(tmp_path):
    result = import_settings(
        tmp_path, SECRET_KEY=GOOD_KEY, EMAIL_USE_TLS="true", EMAIL_USE_SSL="true"
    )
    assert result.returncode != 0
    assert "EMAIL_USE_TLS et EMAIL_USE_SSL" in result.stderr


def test_a_development_run_makes_a_secret_key_once_and_keeps_it(tmp_path):
    code = "import portail.settings as s; print(s.SECRET_KEY)"

    first = run_python(code, tmp_path, DEBUG="true")
    second = run_python(code, tmp_path, DEBUG="true")

    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "data" / "secret_key"
    assert key_file.read_text().strip() == first.stdout.strip()
    assert len(first.stdout.strip()) >= 50
    assert second.stdout == first.stdout
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_production_defaults_are_safe(tmp_path):
    code = (
        "import portail.settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS > 0, s.X_FRAME_OPTIONS, s.ALLOWED_HOSTS, s.LOG_FORMAT)"
    )
    result = run_python(code, tmp_path, SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "True", "DENY", "[]", "json"]


def test_the_redis_cache_round_trips(tmp_path):
    """Redis runs on the development machines and in CI: this test fails when it is down."""
    key = f"essai-{uuid.uuid4().hex}"
    code = (
        "import django; django.setup(); "
        "from django.conf import settings; from django.core.cache import cache; "
        "assert settings.CACHES['default']['BACKEND'].endswith('RedisCache'); "
        f"cache.set('{key}', {{'texte': 'Saint-Étienne'}}, 30); "
        f"print(cache.get('{key}')['texte']); cache.delete('{key}')"
    )
    result = run_python(
        code,
        tmp_path,
        DJANGO_SETTINGS_MODULE="portail.settings",
        SECRET_KEY=GOOD_KEY,
        CACHE_URL="redis://127.0.0.1:6379/15",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Saint-Étienne"
