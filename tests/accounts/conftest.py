import pytest


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Pages are rendered without a collectstatic manifest in tests (DEBUG is off)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def send_mails(django_capture_on_commit_callbacks):
    """E-mails leave on commit; run those callbacks (and so the immediate task backend) now."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing takes a good part of a second per password; these tests check behaviour."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
