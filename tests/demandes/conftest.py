import pytest


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """E-mails leave after the transaction commits: `with on_commit(execute=True):` sends them
    when the block ends."""
    return django_capture_on_commit_callbacks
