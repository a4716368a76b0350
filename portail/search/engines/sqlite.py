"""SQLite FTS5: `search_fts` (knowledge base), `search_fts_question` (questions) and
`search_fts_forum` (public forum discussions), over the stems of each document (migrations 0002
and 0003).

Every term is sent as a quoted FTS5 string, so nothing a person types is ever read as FTS
syntax (NEAR, AND, column filters, *, parentheses): a query can only be words OR-ed together.
BM25 weighs a match in the title ten times one in the body, in the keywords (glossary names,
subject descriptions) five times.
"""

from django.db import connection

from portail.search.models import KNOWLEDGE_KINDS, RESIDENT_KINDS, Kind

# A word shorter than this is not searched as a prefix by the fallback.
PREFIX_LENGTH = 4


def _quoted(text):
    return '"' + text.replace('"', '""') + '"'


def match_expression(terms, prefix=False):
    """The FTS5 MATCH expression of QueryTerms, or "" when there is nothing to search."""
    parts = []
    for term in terms:
        stems = [stem for stem in term.stems if stem]
        if not stems:
            continue
        if prefix:
            parts.extend(
                _quoted(stem[:PREFIX_LENGTH]) + "*" for stem in stems if len(stem) >= PREFIX_LENGTH
            )
        else:
            parts.append(_quoted(" ".join(stems)))
    return " OR ".join(dict.fromkeys(parts))


class SqliteEngine:
    name = "sqlite-fts5"

    def match(self, terms, kinds, limit, subjects=None):
        kinds = [kind for kind in Kind.values if kind in set(kinds)]
        found = []
        knowledge = [kind for kind in kinds if kind not in RESIDENT_KINDS]
        if knowledge:
            found += self._search(terms, self._knowledge_query, knowledge, limit)
        if Kind.QUESTION in kinds:
            found += self._search(terms, self._question_query, subjects, limit)
        if Kind.FORUM in kinds:
            found += self._search(terms, self._forum_query, None, limit)
        return sorted(found, key=lambda item: -item[1])[:limit]

    def _search(self, terms, build, restriction, limit):
        for prefix in (False, True):
            expression = match_expression(terms, prefix=prefix)
            if not expression:
                continue
            sql, match = build(expression, restriction)
            with connection.cursor() as cursor:
                cursor.execute(sql, [match, limit])
                found = cursor.fetchall()
            if found:
                return [(row_id, -score) for row_id, score in found]
        return []

    @staticmethod
    def _knowledge_query(expression, kinds):
        if set(kinds) != set(KNOWLEDGE_KINDS):
            expression = f"({expression}) AND kind:({' OR '.join(kinds)})"
        return (
            "SELECT rowid, bm25(search_fts, 10.0, 5.0, 1.0, 0.0) AS score FROM search_fts "
            "WHERE search_fts MATCH %s ORDER BY score LIMIT %s",
            expression,
        )

    @staticmethod
    def _question_query(expression, subjects):
        keys = [_quoted(key.replace("-", "")) for key in subjects or () if key]
        if keys:
            expression = f"({expression}) AND subject:({' OR '.join(keys)})"
        return (
            "SELECT rowid, bm25(search_fts_question, 10.0, 1.0, 0.0) AS score "
            "FROM search_fts_question WHERE search_fts_question MATCH %s "
            "ORDER BY score LIMIT %s",
            expression,
        )

    @staticmethod
    def _forum_query(expression, _restriction):
        return (
            "SELECT rowid, bm25(search_fts_forum, 10.0, 1.0) AS score "
            "FROM search_fts_forum WHERE search_fts_forum MATCH %s ORDER BY score LIMIT %s",
            expression,
        )
