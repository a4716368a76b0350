from tests.search.conftest import real_content, small_kb, subjects  # noqa: F401
