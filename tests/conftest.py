import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_caches():
    """Rate-limit counters and axes lockouts must not leak from one test to the next."""
    for alias in ("default", "ratelimit"):
        caches[alias].clear()
    yield
