"""One search for the whole portal: `search(query, kinds=None, limit=10)`.

1. The query is understood (text.py) with our vocabulary (knowledge.py).
2. The engine of the database (engines/) finds the candidate documents.
3. The knowledge documents are scored here, in Python, the same way on both databases: how many
   of the query's words they carry and where (title, names, text), weighed by how rare each
   word is; the subjects are scored (subjects.py).
4. The results are ordered: the fiches of the likeliest subjects first, then glossary words,
   letters, questions already answered, organisations, groups and forum discussions, by score.
"""

import math
import re
from dataclasses import dataclass, field

from portail.search.engines import get_engine
from portail.search.knowledge import current_knowledge
from portail.search.models import KNOWLEDGE_KINDS, Kind, SearchDocument
from portail.search.subjects import subject_scores
from portail.search.text import idf, process, stem, stems, words

MAX_LIMIT = 50
KNOWLEDGE_CANDIDATES = 150
QUESTION_CANDIDATES = 30
FORUM_CANDIDATES = 20
FORUM_BOOST_MAX = 1.25  # a discussion's boost for its replies (index.py), at most
# Questions are searched with at most this many words and glossary names, in at most this many
# of the likeliest subjects.
QUESTION_WORDS, QUESTION_PHRASES, QUESTION_SUBJECTS = 6, 3, 3
EXCERPT_LENGTH = 200
# Where a word is found in a knowledge document, and how much it counts there.
TITLE_WEIGHT, KEYWORDS_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.0
BM25_K1, BM25_B = 1.2, 0.5
# At most this many fiches are put first, when their subject is likely enough.
FICHES_FIRST = 3
FICHE_FIRST_MIN = 0.25
# Glossary words: named in the query, matched by its words, words to know for its subjects.
GLOSSARY_NAMED, GLOSSARY_TEXT, GLOSSARY_RELATED = 0.5, 0.3, 0.5
GLOSSARY_TEXT_FULL = 0.4
# Letters, organisations, groups: their words, their subjects, and a floor under which they
# are not worth showing.
OTHER_TEXT_FULL, OTHER_TEXT, OTHER_SUBJECT, OTHER_MIN = 0.4, 0.6, 0.4, 0.15
RELATED_SUBJECTS, RELATED_VOTE, RELATED_CAP = 4, 0.6, 1.2
NAMED_FLOOR = 0.3
SEE_ALSO_VOTE = 0.3
RELATED_FLATTEN = 0.7
KIND_WEIGHT = {
    Kind.FICHE: 1.0,
    Kind.GLOSSARY: 0.9,
    Kind.QUESTION: 0.8,
    Kind.LETTER: 0.7,
    Kind.ORGANISATION: 0.55,
    Kind.GROUP: 0.5,
    # Residents talking among themselves, not an answer checked by the group: after every
    # other kind that matches as well, so it never pushes a fiche or a question down the list.
    Kind.FORUM: 0.45,
}
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«])|\n+")


@dataclass
class Result:
    kind: str
    title: str
    url: str
    subject: str | None = None
    term: str | None = None
    aliases: list = field(default_factory=list)
    excerpt: str = ""
    score: float = 0.0
    subject_title: str = ""
    theme: str = ""  # a forum discussion's theme
    reply_count: int | None = None  # a forum discussion's published replies

    @property
    def kind_label(self):
        return Kind(self.kind).label


@dataclass
class SearchResponse:
    query: str
    results: list = field(default_factory=list)
    corrected_query: str | None = None
    did_you_mean: bool = False
    corrections: list = field(default_factory=list)
    truncated: bool = False
    subjects: list = field(default_factory=list)  # [(key, title)], likeliest first

    def by_kind(self):
        """[(kind, [results])] in the order of Kind, for the results page."""
        groups = {}
        for result in self.results:
            groups.setdefault(result.kind, []).append(result)
        return [(kind, groups[kind]) for kind in Kind.values if kind in groups]


def clean_kinds(kinds):
    if not kinds:
        return list(Kind.values)
    return [kind for kind in Kind.values if kind in set(kinds)]


# --- Scoring -----------------------------------------------------------------------------------


def _term_keys(query, vocabulary):
    """[(padded stems, single stem or None, weight)] of the query's terms."""
    keys, seen = [], set()
    for term in query.terms:
        term_stems = [s for s in term.stems if s]
        if not term_stems or tuple(term_stems) in seen:
            continue
        seen.add(tuple(term_stems))
        rarest = max(
            (vocabulary.idf(word)[1] for word in term.words if stem(word) in term_stems),
            default=1.0,
        )
        keys.append(
            (
                " " + " ".join(term_stems) + " ",
                term_stems[0] if len(term_stems) == 1 else None,
                term.weight * rarest,
            )
        )
    return keys


def text_score(document, keys, average_length):
    """How well a knowledge document carries the query's words, in [0, 1]."""
    total = possible = 0.0
    for padded, single, weight in keys:
        possible += weight * (TITLE_WEIGHT + KEYWORDS_WEIGHT + BODY_WEIGHT)
        found = 0.0
        if padded in document.title_text:
            found += TITLE_WEIGHT
        if padded in document.keywords_text:
            found += KEYWORDS_WEIGHT
        frequency = document.body_counts[single] if single else document.body_text.count(padded)
        if frequency:
            norm = 1 - BM25_B + BM25_B * document.body_length / max(average_length, 1.0)
            found += BODY_WEIGHT * frequency * (BM25_K1 + 1) / (frequency + BM25_K1 * norm)
        total += weight * found
    return total / possible if possible else 0.0


def _relative(scores):
    best = max(scores.values(), default=0.0)
    return {key: (value / best if best > 0 else 0.0) for key, value in scores.items()}


# --- Excerpts ----------------------------------------------------------------------------------


def excerpt(text, query_stems, length=EXCERPT_LENGTH, whole=False):
    """The sentence of `text` (a document's summary) that carries most of the query's words,
    the first one among equals, shortened; with `whole`, the text itself, shortened (a
    definition reads from its start)."""
    if whole:
        best = " ".join((text or "").split())
    else:
        sentences = [s.strip() for s in _SENTENCES.split(text or "") if s and s.strip()]
        if not sentences:
            return ""
        best = max(
            enumerate(sentences),
            key=lambda item: (len(query_stems & set(stems(item[1]))), -item[0]),
        )[1]
    if len(best) <= length:
        return best
    cut = best[:length]
    return (cut[: cut.rindex(" ")] if " " in cut else cut).rstrip(" ,;:") + "…"


# --- The search --------------------------------------------------------------------------------


def search(query, kinds=None, limit=10, correct=True):
    """SearchResponse for what a person typed. `kinds`: Kind values to return (all by default);
    `limit`: at most that many results (1 to MAX_LIMIT); `correct=False`: no spelling
    correction (the person asked for their own words)."""
    kinds = clean_kinds(kinds)
    limit = max(1, min(int(limit), MAX_LIMIT))
    knowledge = current_knowledge()
    processed = process(query, knowledge.vocabulary, correct=correct)
    response = SearchResponse(
        query=processed.text,
        corrected_query=processed.corrected_query,
        did_you_mean=bool(processed.corrected_query),
        corrections=processed.corrections,
        truncated=processed.truncated,
    )
    if processed.is_empty or not kinds:
        return response

    engine = get_engine()
    keys = _term_keys(processed, knowledge.vocabulary)
    query_stems = {s for term in processed.terms for s in term.stems}
    candidates = {
        pk for pk, _ in engine.match(processed.terms, KNOWLEDGE_KINDS, KNOWLEDGE_CANDIDATES)
    } & set(knowledge.documents)
    # Every fiche is scored: the subject's evidence may come from the rules alone.
    candidates |= {document.id for document in knowledge.fiche_of_subject.values()}
    candidates |= {
        knowledge.glossary_by_slug[slug].id
        for slug in processed.glossary
        if slug in knowledge.glossary_by_slug
    }
    text = {
        pk: text_score(knowledge.documents[pk], keys, knowledge.average_body_length)
        for pk in candidates
    }
    fiche_text = {
        key: text.get(document.id, 0.0) for key, document in knowledge.fiche_of_subject.items()
    }
    subjects = subject_scores(processed, knowledge, fiche_text)
    subject_rel = _relative(subjects)
    ranked_subjects = sorted(subject_rel, key=lambda key: (-subject_rel[key], key))
    response.subjects = [(key, knowledge.subject_titles.get(key, key)) for key in ranked_subjects]

    scored = []
    if Kind.FICHE in kinds:
        scored.extend(_fiches(knowledge, subject_rel, _relative(fiche_text)))
    if Kind.GLOSSARY in kinds:
        scored.extend(_glossary(knowledge, processed, subject_rel, ranked_subjects, text))
    for kind in (Kind.LETTER, Kind.ORGANISATION, Kind.GROUP):
        if kind in kinds:
            scored.extend(_others(knowledge, kind, subject_rel, ranked_subjects, text))
    if Kind.QUESTION in kinds:
        scored.extend(
            _questions(engine, _question_terms(processed, knowledge), subject_rel, ranked_subjects)
        )
    if Kind.FORUM in kinds:
        scored.extend(_forum_threads(engine, _question_terms(processed, knowledge)))

    ordered = _order(scored)[:limit]
    response.results = [
        _result(item, knowledge, query_stems) for item in ordered if item["score"] > 0
    ]
    return response


def _fiches(knowledge, subject_rel, text_rel):
    """Each fiche by the likelihood of its subject, and a little by its words."""
    for key, document in knowledge.fiche_of_subject.items():
        subject = subject_rel.get(key, 0.0)
        text = text_rel.get(key, 0.0)
        if subject <= 0 and text <= 0:
            continue
        yield {
            "document": document,
            "score": KIND_WEIGHT[Kind.FICHE] * (0.85 * subject + 0.15 * text),
            "subject_score": subject,
        }


def _absolute(text, full):
    """A text score in [0, 1] that reaches 1 at `full` (most of the query's words)."""
    return min(1.0, text / full) if full > 0 else 0.0


def _specificity(vocabulary, name):
    """How specific a glossary name is, in [0, 1]: « surendettement » is, « loyer » is not (it
    is in most of our documents)."""
    rarest = max((vocabulary.idf(word)[1] for word in words(name)), default=0.0)
    most = idf(0, vocabulary.documents)
    return rarest / most if most > 0 else 0.0


def _glossary(knowledge, processed, subject_rel, ranked_subjects, text):
    """A word named in the query (the more specific, the more), carried by its words, or one to
    know for the likeliest subjects: listed in their fiche, or belonging to them."""
    related = {}
    for key in ranked_subjects[:RELATED_SUBJECTS]:
        strength = subject_rel[key] ** RELATED_FLATTEN
        fiche = knowledge.fiche_of_subject.get(key)
        listed = set(fiche.related_terms) if fiche else set()
        for document in knowledge.glossary_by_slug.values():
            votes = (document.slug in listed) + (key in document.subjects)
            if votes:
                related[document.slug] = related.get(document.slug, 0.0) + (
                    RELATED_VOTE * votes * strength
                )
    named = set(processed.glossary)
    for slug in named:
        document = knowledge.glossary_by_slug.get(slug)
        for other in document.related_terms if document else ():
            related[other] = related.get(other, 0.0) + SEE_ALSO_VOTE
    vocabulary = knowledge.vocabulary
    for slug, document in knowledge.glossary_by_slug.items():
        naming = 0.0
        if slug in named:
            naming = NAMED_FLOOR + (1 - NAMED_FLOOR) * _specificity(vocabulary, document.term)
        score = (
            GLOSSARY_NAMED * naming
            + GLOSSARY_TEXT * _absolute(text.get(document.id, 0.0), GLOSSARY_TEXT_FULL)
            + GLOSSARY_RELATED * min(related.get(slug, 0.0), RELATED_CAP)
        )
        if score > 0:
            yield {"document": document, "score": KIND_WEIGHT[Kind.GLOSSARY] * score}


def _others(knowledge, kind, subject_rel, ranked_subjects, text):
    """Letters, organisations, groups: by their words, and by the likeliest subjects they serve
    (a letter's subjects, the subjects whose fiche sends people to an organisation)."""
    likely = set(ranked_subjects[:RELATED_SUBJECTS])
    for document in knowledge.documents.values():
        if document.kind != kind:
            continue
        match = _absolute(text.get(document.id, 0.0), OTHER_TEXT_FULL)
        subject = max((subject_rel[key] for key in document.subjects if key in likely), default=0.0)
        score = OTHER_TEXT * match + OTHER_SUBJECT * subject
        if score >= OTHER_MIN:
            yield {"document": document, "score": KIND_WEIGHT[kind] * score}


def _question_terms(processed, knowledge):
    """The terms questions are searched with: there are many questions, so only the rarest
    words of the query, and the glossary names it contains."""
    vocabulary = knowledge.vocabulary
    words = [term for term in processed.terms if term.kind == "word"]
    words.sort(key=lambda term: vocabulary.idf(term.words[0]), reverse=True)
    phrases = [term for term in processed.terms if len(term.words) > 1]
    return words[:QUESTION_WORDS] + phrases[:QUESTION_PHRASES]


def _questions(engine, terms, subject_rel, ranked_subjects):
    """Questions already answered, among the likeliest subjects when there are some."""
    subjects = [key for key in ranked_subjects[:QUESTION_SUBJECTS] if subject_rel[key] >= 0.3]
    found = engine.match(terms, [Kind.QUESTION], QUESTION_CANDIDATES, subjects=subjects or None)
    if not found:
        return []
    best = max(score for _, score in found) or 1.0
    engine_score = dict(found)
    rows = SearchDocument.objects.filter(pk__in=engine_score, kind=Kind.QUESTION).only(
        "id", "kind", "slug", "title", "url", "summary", "subject_key", "boost"
    )
    items = []
    for row in rows:
        text = max(engine_score[row.pk], 0.0) / best
        subject = subject_rel.get(row.subject_key, 0.0) if row.subject_key else 0.0
        score = (0.55 * text + 0.45 * subject) * min(row.boost, 1.5)
        items.append({"document": row, "score": KIND_WEIGHT[Kind.QUESTION] * score})
    return items


def _coverage(terms, document):
    """The share of the search terms a document carries (title or text), in [0, 1]: the
    engine's score only ranks the candidates among themselves."""
    phrases = [" " + " ".join(s for s in term.stems if s) + " " for term in terms]
    phrases = [phrase for phrase in phrases if phrase.strip()]
    if not phrases:
        return 0.0
    text = f" {document.title_index} {document.body_index} "
    return sum(phrase in text for phrase in phrases) / len(phrases)


def _forum_threads(engine, terms):
    """Public forum discussions, by their words only (they have no subject): how well they
    match among themselves and how many of the search terms they carry."""
    found = engine.match(terms, [Kind.FORUM], FORUM_CANDIDATES)
    if not found:
        return []
    best = max(score for _, score in found) or 1.0
    engine_score = dict(found)
    rows = SearchDocument.objects.filter(pk__in=engine_score, kind=Kind.FORUM).only(
        "id",
        "kind",
        "slug",
        "title",
        "url",
        "summary",
        "boost",
        "details",
        "title_index",
        "body_index",
    )
    items = []
    for row in rows:
        text = max(engine_score[row.pk], 0.0) / best
        match = 0.5 * text + 0.5 * _coverage(terms, row)
        boost = min(row.boost, FORUM_BOOST_MAX) / FORUM_BOOST_MAX
        items.append({"document": row, "score": KIND_WEIGHT[Kind.FORUM] * match * boost})
    return items


def _order(scored):
    """The likeliest fiches first (at most FICHES_FIRST), then everything by score."""
    scored = sorted(scored, key=lambda item: (-item["score"], item["document"].title))
    first = [
        item
        for item in scored
        if item["document"].kind == Kind.FICHE and item.get("subject_score", 0) >= FICHE_FIRST_MIN
    ][:FICHES_FIRST]
    chosen = {id(item) for item in first}
    return first + [item for item in scored if id(item) not in chosen]


def _result(item, knowledge, query_stems):
    document = item["document"]
    is_glossary = document.kind == Kind.GLOSSARY
    subject = document.subject_key if document.kind in (Kind.FICHE, Kind.QUESTION) else None
    details = getattr(document, "details", None) or {}
    return Result(
        kind=document.kind,
        title=document.title,
        url=document.url,
        subject=subject or None,
        term=document.term if is_glossary else None,
        aliases=list(document.aliases) if is_glossary else [],
        excerpt=excerpt(document.summary, query_stems, whole=is_glossary),
        score=round(math.floor(item["score"] * 10000) / 10000, 4),
        subject_title=knowledge.subject_titles.get(subject, "") if subject else "",
        theme=details.get("theme", ""),
        reply_count=details.get("replies"),
    )
