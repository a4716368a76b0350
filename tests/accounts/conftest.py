import pytest


@pytest.fixture
def send_mails(django_capture_on_commit_callbacks):
    """E-mails leave on commit; run those callbacks (and so the immediate task backend) now."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
