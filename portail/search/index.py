"""What goes into the search index, and keeping it in step with the rest of the portal.

Each kind of source has a `Source`: which model, which of its objects are public, and how one
object becomes a SearchDocument. Only public content is indexed: questions through
`Question.objects.public()` (never a private, unpublished, rejected or merged one, never the
original text), with the text of their pistes; only public groups; forum discussions through
`ForumThread.objects.public()` (published, outside any groupe de parole: a private thread is
never indexed), with the published text of their messages, masked, as the thread's page shows
it (never the original).
"""

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import Prefetch

from portail.search.models import Kind, SearchDocument
from portail.search.text import fold, stems

QUESTION_TITLE_LENGTH = 140
BATCH = 1000
_TEMPLATE_TAGS = re.compile(r"\{[{%#].*?[}%#]\}", re.DOTALL)


def _index_columns(values):
    values["title_index"] = " ".join(stems(values["title"]))
    values["keywords_index"] = " ".join(stems(values.get("keywords", "")))
    values["body_index"] = " ".join(stems(values.get("body", "")))
    values["title_plain"] = " ".join(fold(values["title"]).split())[:300]
    return values


def _shorten(text, length):
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length]
    return (cut[: cut.rindex(" ")] if " " in cut else cut) + "…"


# --- One builder per kind ----------------------------------------------------------------------


def _glossary(term):
    return {
        "slug": term.slug,
        "title": term.term,
        "term": term.term,
        "aliases": list(term.aliases or []),
        "keywords": " ; ".join(term.aliases or []),
        "body": f"{term.definition}\n{term.example}",
        "summary": term.definition,
        "url": term.get_absolute_url(),
        "subjects": [subject.key for subject in term.subjects.all()],
        "related_terms": [other.slug for other in term.see_also.all()],
    }


def _fiche(fiche):
    subject = fiche.subject
    return {
        "slug": fiche.slug,
        "title": fiche.title,
        "keywords": f"{subject.title}\n{subject.description}",
        "body": fiche.full_text(),
        "summary": "\n".join(fiche.summary_falc or []),
        "url": fiche.get_absolute_url(),
        "subject_key": subject.key,
        "subjects": [subject.key],
        "related_terms": [term.slug for term in fiche.terms.all()],
    }


def _letter(letter):
    body = _TEMPLATE_TAGS.sub(" ", letter.body)
    return {
        "slug": letter.slug,
        "title": letter.title,
        "keywords": f"{letter.subject_line}\n{letter.summary}",
        "body": body,
        "summary": letter.summary,
        "url": letter.get_absolute_url(),
        "subjects": [subject.key for subject in letter.subjects.all()],
    }


def _question(question):
    pistes = []
    for piste in question.pistes.all():
        pistes.extend([piste.intro, *[str(step) for step in piste.steps or []], piste.contact])
    subject = question.subject
    return {
        "slug": str(question.pk),
        "title": _shorten(question.text, QUESTION_TITLE_LENGTH),
        "keywords": "",
        "body": "\n".join([question.text, *[part for part in pistes if part]]),
        "summary": question.text,
        "url": question.get_absolute_url(),
        "subject_key": subject.key if subject else "",
        "subjects": [subject.key] if subject else [],
        # A question that helped people, or that many share, comes first among equals.
        "boost": 1.0 + min(question.me_too_count + question.helped_count, 20) / 40,
    }


def _organisation(organisation):
    return {
        "slug": organisation.slug,
        "title": organisation.name,
        "keywords": organisation.get_kind_display(),
        "body": organisation.summary,
        "summary": organisation.summary,
        "url": organisation.get_absolute_url(),
        # The subjects whose fiche sends people to this organisation.
        "subjects": sorted({fiche.subject.key for fiche in organisation.fiches.all()}),
    }


def _group(group):
    return {
        "slug": group.slug,
        "title": group.name,
        "keywords": "",
        "body": f"{group.presentation}\n{group.how_to_join}",
        "summary": group.presentation,
        "url": group.get_absolute_url(),
    }


def _forum_thread(thread):
    # `posts` holds the published messages only (see _public_threads): what the page shows.
    posts = list(thread.posts.all())
    opening = next((post.text for post in posts if post.is_opening), "")
    replies = sum(not post.is_opening for post in posts)
    return {
        "slug": str(thread.pk),
        "title": thread.title,
        "keywords": "",
        "body": "\n".join(post.text for post in posts),
        "summary": opening,
        "url": thread.get_absolute_url(),
        "details": {"theme": thread.theme.name, "replies": replies},
        # A discussion where people answered comes first among equals.
        "boost": 1.0 + min(replies, 10) / 40,
    }


def _public_threads(manager):
    """Published public threads with their published messages, the moderators' fields (the
    original text, the spans found in it) never loaded."""
    posts = apps.get_model("forum.ForumPost")._default_manager
    return (
        manager.public()
        .select_related("theme")
        .prefetch_related(
            Prefetch(
                "posts",
                queryset=posts.published()
                .only("pk", "thread_id", "is_opening", "text")
                .order_by("created_at", "pk"),
            )
        )
    )


@dataclass(frozen=True)
class Source:
    kind: str
    model: str
    build: object
    public: object  # manager → queryset of the indexable objects

    def model_class(self):
        return apps.get_model(self.model)

    def queryset(self):
        return self.public(self.model_class()._default_manager)


SOURCES = [
    Source(
        Kind.GLOSSARY,
        "glossary.Term",
        _glossary,
        lambda m: m.prefetch_related("subjects", "see_also"),
    ),
    Source(
        Kind.FICHE,
        "fiches.Fiche",
        _fiche,
        lambda m: m.select_related("subject").prefetch_related("terms"),
    ),
    Source(Kind.LETTER, "letters.Letter", _letter, lambda m: m.prefetch_related("subjects")),
    Source(
        Kind.QUESTION,
        "questions.Question",
        _question,
        lambda m: m.public().select_related("subject").prefetch_related("pistes"),
    ),
    Source(
        Kind.ORGANISATION,
        "directory.Organisation",
        _organisation,
        lambda m: m.prefetch_related("fiches__subject"),
    ),
    Source(Kind.GROUP, "groups.Group", _group, lambda m: m.public()),
    Source(Kind.FORUM, "forum.ForumThread", _forum_thread, _public_threads),
]
SOURCE_OF_KIND = {source.kind: source for source in SOURCES}


def source_for(model):
    label = model._meta.label
    for source in SOURCES:
        if source.model == label:
            return source
    return None


def _document(source, obj):
    values = {
        "boost": 1.0,
        "subject_key": "",
        "subjects": [],
        "related_terms": [],
        "details": None,
    }
    values.update(source.build(obj))
    values.setdefault("term", "")
    values.setdefault("aliases", [])
    values["title"] = values["title"][:300]
    return _index_columns(values)


# --- Keeping the index in step ---------------------------------------------------------------

_pending = threading.local()


@contextmanager
def deferred():
    """Inside this block, index updates are gathered and each object is indexed once at the
    end: loading the content touches a term many times (its subjects, its see-also…), which
    would otherwise rebuild its document each time. Nested blocks join the outer one."""
    if getattr(_pending, "objects", None) is not None:
        yield
        return
    _pending.objects = {}
    try:
        yield
        pending, _pending.objects = _pending.objects, None
        for kind, pk in pending:
            _update_now(SOURCE_OF_KIND[kind], pk)
    finally:
        _pending.objects = None


def update_object(source, pk):
    """Index the object `pk` of `source` if it is public, remove it from the index otherwise
    (at the end of the current `deferred()` block, if any)."""
    pending = getattr(_pending, "objects", None)
    if pending is not None:
        pending[(source.kind, pk)] = True
        return None
    return _update_now(source, pk)


def _update_now(source, pk):
    obj = source.queryset().filter(pk=pk).first()
    if obj is None:
        SearchDocument.objects.filter(kind=source.kind, object_id=pk).delete()
        return None
    values = _document(source, obj)
    document, _ = SearchDocument.objects.update_or_create(
        kind=source.kind, object_id=pk, defaults=values
    )
    return document


def remove_object(source, pk):
    pending = getattr(_pending, "objects", None)
    if pending is not None:
        pending[(source.kind, pk)] = True  # indexed again at the end: found missing, it is removed
        return
    SearchDocument.objects.filter(kind=source.kind, object_id=pk).delete()


def rebuild(kinds=None, progress=None):
    """Index every public object again (of `kinds`, or all). Returns {kind: count}."""
    counts = {}
    for source in SOURCES:
        if kinds and source.kind not in kinds:
            continue
        with transaction.atomic():
            SearchDocument.objects.filter(kind=source.kind).delete()
            batch, count = [], 0
            for obj in source.queryset().order_by("pk").iterator(chunk_size=BATCH):
                batch.append(
                    SearchDocument(kind=source.kind, object_id=obj.pk, **_document(source, obj))
                )
                if len(batch) >= BATCH:
                    SearchDocument.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
                    if progress:
                        progress(source.kind, count)
            SearchDocument.objects.bulk_create(batch)
            count += len(batch)
        counts[source.kind] = count
    return counts
