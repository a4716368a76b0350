import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never to data/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """`with on_commit(execute=True):` runs what waits for the commit (e-mails, file removal)."""
    return django_capture_on_commit_callbacks
