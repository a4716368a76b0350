"""The two search engines behind one interface.

An engine only finds candidates: `match(terms, kinds, limit, subjects=None)` returns
[(document id, score)], best first, for QueryTerms (text.py) among the documents of `kinds`
(questions: only those of `subjects` when given). The ranking people see (service.py) is then
the same on both databases.
"""

from django.db import connection


def get_engine():
    if connection.vendor == "postgresql":
        from portail.search.engines.postgres import PostgresEngine

        return PostgresEngine()
    from portail.search.engines.sqlite import SqliteEngine

    return SqliteEngine()
