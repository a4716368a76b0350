"""The knowledge base as the search sees it, kept in memory: a few hundred documents (glossary,
fiches, letters, organisations, groups), the vocabulary made from them, the subjects. Rebuilt
only when the index of the knowledge base changes (a cheap query tells).

Keeping these documents in memory lets the ranking (service.py) score them the same way on
both databases, whatever the engine's own score.
"""

import threading
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection

from portail.search.models import KNOWLEDGE_KINDS, Kind, SearchDocument
from portail.search.vocabulary import Vocabulary, VocabularyDocument


@dataclass
class KnowledgeDocument:
    id: int
    kind: str
    slug: str
    title: str
    url: str
    body: str
    summary: str = ""
    subject_key: str | None = None
    subjects: list = field(default_factory=list)
    term: str = ""
    aliases: list = field(default_factory=list)
    related_terms: list = field(default_factory=list)
    boost: float = 1.0
    title_text: str = ""
    keywords_text: str = ""
    body_text: str = ""
    body_counts: Counter = field(default_factory=Counter)
    body_length: int = 0

    @classmethod
    def from_row(cls, document):
        body_stems = document.body_index.split()
        return cls(
            id=document.pk,
            kind=document.kind,
            slug=document.slug,
            title=document.title,
            url=document.url,
            body=document.body,
            summary=document.summary,
            subject_key=document.subject_key,
            subjects=list(document.subjects or []),
            term=document.term,
            aliases=list(document.aliases or []),
            related_terms=list(document.related_terms or []),
            boost=document.boost,
            # Padded with spaces so that a phrase is found as " a b " on word boundaries.
            title_text=f" {document.title_index} ",
            keywords_text=f" {document.keywords_index} ",
            body_text=f" {document.body_index} ",
            body_counts=Counter(body_stems),
            body_length=len(body_stems),
        )


@dataclass
class Knowledge:
    vocabulary: Vocabulary
    documents: dict
    subjects: tuple  # ((key, title, description), …)

    def __post_init__(self):
        self.fiche_of_subject = {
            document.subject_key: document
            for document in self.documents.values()
            if document.kind == Kind.FICHE and document.subject_key
        }
        self.glossary_by_slug = {
            document.slug: document
            for document in self.documents.values()
            if document.kind == Kind.GLOSSARY
        }
        lengths = [document.body_length for document in self.documents.values()]
        self.average_body_length = (sum(lengths) / len(lengths)) if lengths else 1.0
        self.subject_titles = {key: title for key, title, _ in self.subjects}


def _version():
    """One query: the count and last change of knowledge documents, subjects and places."""
    from portail.places.models import Commune, Quartier, Subject

    kinds = ", ".join(["%s"] * len(KNOWLEDGE_KINDS))
    table = SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {table} WHERE kind IN ({kinds})), "  # noqa: S608
            f"(SELECT MAX(updated_at) FROM {table} WHERE kind IN ({kinds})), "
            f"(SELECT COUNT(*) FROM {Subject._meta.db_table}), "
            f"(SELECT COUNT(*) FROM {Quartier._meta.db_table}), "
            f"(SELECT COUNT(*) FROM {Commune._meta.db_table})",
            [*KNOWLEDGE_KINDS, *KNOWLEDGE_KINDS],
        )
        return (connection.alias, connection.settings_dict["NAME"], *cursor.fetchone())


def _build():
    from portail.places.models import Commune, Quartier, Subject

    rows = list(SearchDocument.objects.knowledge().order_by("pk"))
    documents = {row.pk: KnowledgeDocument.from_row(row) for row in rows}
    subjects = tuple(Subject.objects.order_by("key").values_list("key", "title", "description"))
    vocabulary_documents = list(SearchDocument.objects.vocabulary_documents(rows))
    vocabulary_documents.extend(
        VocabularyDocument(key, "sujet", title, [], description)
        for key, title, description in subjects
    )
    # Place names are never « corrected » into something else.
    places = [*Quartier.objects.values_list("name", flat=True)]
    places += list(Commune.objects.values_list("name", flat=True))
    vocabulary_documents.append(VocabularyDocument("lieux", "lieu", "", [], "\n".join(places)))
    return Knowledge(Vocabulary(vocabulary_documents), documents, subjects)


_lock = threading.Lock()
_cache = {"version": None, "knowledge": None}


def current_knowledge():
    """The knowledge base as indexed now; built again only when it changed."""
    version = _version()
    knowledge = _cache["knowledge"]
    if _cache["version"] == version and knowledge is not None:
        return knowledge
    with _lock:
        if _cache["version"] != version or _cache["knowledge"] is None:
            _cache["knowledge"] = _build()
            _cache["version"] = version
        return _cache["knowledge"]
