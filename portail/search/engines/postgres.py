"""PostgreSQL full-text search: the `search_vector` column (french configuration over the
unaccented title, keywords and body, migration 0002) and `ts_rank_cd` with weights; pg_trgm's
similarity on the folded titles when no word matched (a misspelled title).

Every term goes through phraseto_tsquery as a parameter: nothing a person types is read as
tsquery syntax.
"""

from django.db import connection

from portail.search.models import Kind
from portail.search.text import ELISIONS

# ts_rank_cd weights for {D, C, B, A}: body, (unused), keywords, title.
WEIGHTS = "'{0.1, 0.2, 0.5, 1.0}'"
TRIGRAM_THRESHOLD = 0.45


def _phrases(terms):
    phrases = []
    for term in terms:
        words = [word for word in term.words if word not in ELISIONS]
        if words:
            phrases.append(" ".join(words))
    return list(dict.fromkeys(phrases))


class PostgresEngine:
    name = "postgresql"

    def match(self, terms, kinds, limit, subjects=None):
        kinds = [kind for kind in Kind.values if kind in set(kinds)]
        phrases = _phrases(terms)
        if not phrases or not kinds:
            return []
        conditions, params = ["kind = ANY(%s)"], [kinds]
        if subjects and Kind.QUESTION in kinds:
            conditions.append("(kind <> 'question' OR subject_key = ANY(%s))")
            params.append(list(subjects))
        where = " AND ".join(conditions)
        tsquery = " || ".join("phraseto_tsquery('french', unaccent(%s))" for _ in phrases)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, ts_rank_cd({WEIGHTS}, search_vector, q, 1) AS score "  # noqa: S608
                f"FROM search_searchdocument, (SELECT {tsquery} AS q) AS query "
                f"WHERE {where} AND search_vector @@ q ORDER BY score DESC, id LIMIT %s",
                [*phrases, *params, limit],
            )
            found = cursor.fetchall()
            if found:
                return found
            words = " ".join(phrases)
            cursor.execute(
                "SELECT id, word_similarity(%s, title_plain) AS score "  # noqa: S608
                f"FROM search_searchdocument WHERE {where} AND %s <%% title_plain "
                "ORDER BY score DESC, id LIMIT %s",
                [words, *params, words, limit],
            )
            return [(pk, score) for pk, score in cursor.fetchall() if score >= TRIGRAM_THRESHOLD]
