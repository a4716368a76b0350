"""The full-text index of each database, created only on its own database.

SQLite: two contentless FTS5 tables over the stems of SearchDocument, one for the knowledge
base and one for the questions, kept in sync by triggers; tokenizer unicode61 without
diacritics.

PostgreSQL: the unaccent and pg_trgm extensions (creating them needs the CREATE privilege on the
database, see docs), a `search_vector` column (french configuration over the unaccented title,
keywords and body, weights A, B and D) filled by a trigger, its GIN index, and a trigram index
on the folded title for fuzzy titles.
"""

from django.db import migrations

# The questions, many, are apart from the knowledge base, a few hundred documents: a search of
# the knowledge base never reads the questions' posting lists, and the questions can be searched
# within the likeliest subjects only (their folded subject key is a column).
_KNOWLEDGE_COLUMNS = "title_index, keywords_index, body_index, kind"
_QUESTION_COLUMNS = "title_index, body_index, subject"
_QUESTION_VALUES = "{row}.title_index, {row}.body_index, replace({row}.subject_key, '-', '')"
_KNOWLEDGE_VALUES = "{row}.title_index, {row}.keywords_index, {row}.body_index, {row}.kind"
_TOKENIZER = "tokenize='unicode61 remove_diacritics 2'"

SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE search_fts USING fts5({_KNOWLEDGE_COLUMNS}, content='', {_TOKENIZER})",
    f"""CREATE VIRTUAL TABLE search_fts_question
    USING fts5({_QUESTION_COLUMNS}, content='', {_TOKENIZER})""",
    f"""
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {_KNOWLEDGE_COLUMNS})
        SELECT new.id, {_KNOWLEDGE_VALUES.format(row="new")} WHERE new.kind != 'question';
        INSERT INTO search_fts_question(rowid, {_QUESTION_COLUMNS})
        SELECT new.id, {_QUESTION_VALUES.format(row="new")} WHERE new.kind = 'question';
    END
    """,
    f"""
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_KNOWLEDGE_COLUMNS})
        SELECT 'delete', old.id, {_KNOWLEDGE_VALUES.format(row="old")}
        WHERE old.kind != 'question';
        INSERT INTO search_fts_question(search_fts_question, rowid, {_QUESTION_COLUMNS})
        SELECT 'delete', old.id, {_QUESTION_VALUES.format(row="old")}
        WHERE old.kind = 'question';
    END
    """,
    f"""
    CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_KNOWLEDGE_COLUMNS})
        SELECT 'delete', old.id, {_KNOWLEDGE_VALUES.format(row="old")}
        WHERE old.kind != 'question';
        INSERT INTO search_fts_question(search_fts_question, rowid, {_QUESTION_COLUMNS})
        SELECT 'delete', old.id, {_QUESTION_VALUES.format(row="old")}
        WHERE old.kind = 'question';
        INSERT INTO search_fts(rowid, {_KNOWLEDGE_COLUMNS})
        SELECT new.id, {_KNOWLEDGE_VALUES.format(row="new")} WHERE new.kind != 'question';
        INSERT INTO search_fts_question(rowid, {_QUESTION_COLUMNS})
        SELECT new.id, {_QUESTION_VALUES.format(row="new")} WHERE new.kind = 'question';
    END
    """,
    f"""INSERT INTO search_fts(rowid, {_KNOWLEDGE_COLUMNS})
    SELECT id, {_KNOWLEDGE_VALUES.format(row="search_searchdocument")}
    FROM search_searchdocument WHERE kind != 'question'""",
    f"""INSERT INTO search_fts_question(rowid, {_QUESTION_COLUMNS})
    SELECT id, {_QUESTION_VALUES.format(row="search_searchdocument")}
    FROM search_searchdocument WHERE kind = 'question'""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts_question",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION search_document_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('french', unaccent(coalesce(NEW.title, ''))), 'A')
            || setweight(to_tsvector('french', unaccent(coalesce(NEW.keywords, ''))), 'B')
            || setweight(to_tsvector('french', unaccent(coalesce(NEW.body, ''))), 'D');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER search_document_vector_update
    BEFORE INSERT OR UPDATE OF title, keywords, body ON search_searchdocument
    FOR EACH ROW EXECUTE FUNCTION search_document_vector()
    """,
    "UPDATE search_searchdocument SET title = title",
    "CREATE INDEX search_vector_gin ON search_searchdocument USING gin (search_vector)",
    """
    CREATE INDEX search_title_trgm ON search_searchdocument
    USING gin (title_plain gin_trgm_ops)
    """,
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_title_trgm",
    "DROP INDEX IF EXISTS search_vector_gin",
    "DROP TRIGGER IF EXISTS search_document_vector_update ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_document_vector()",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


class VendorRunSQL(migrations.RunSQL):
    """RunSQL that runs only on one database vendor (sqlite or postgresql)."""

    def __init__(self, vendor, sql, reverse_sql):
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, kwargs.pop("sql"), kwargs.pop("reverse_sql")], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        VendorRunSQL("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        VendorRunSQL("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD),
    ]
