import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_caches(request):
    """Rate-limit counters and axes lockouts must not leak from one test to the next. The
    rate-limit cache may be a database table: a test without database access cannot have
    filled it, and must not be made to open the database to clear it."""
    caches["default"].clear()
    db_fixtures = {"db", "transactional_db"} & set(request.fixturenames)
    if request.node.get_closest_marker("django_db") or db_fixtures:
        for name in db_fixtures:
            request.getfixturevalue(name)
        caches["ratelimit"].clear()
    yield


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Production serves hashed names from the manifest that collectstatic builds; the tests run
    without collectstatic, so templates use the plain names."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs a good part of a second per password; tests check behaviour, and the
    production hasher is Django's default."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
