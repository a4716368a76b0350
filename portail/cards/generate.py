"""Cards generated from the portal's own content, and kept in step with it.

- glossary word → « Que veut dire… ? » (kind mot), its plain definition as the answer;
- fiche piste → « Vrai ou faux ? » (kind vrai-faux) for each sentence of its « En bref » that
  states a fact and stands alone (advice such as « Gardez une copie » is left out, and so are
  the sentences a reviewer listed in content/cartes/phrases-ecartees.toml: true in their fiche,
  misleading once read aloud on their own). Those are all TRUE: a FALSE statement is never
  derived from a fiche, it is written by hand with its correction and legal reference in
  content/cartes/ (see content.py);
- public question with at least one piste → « Que conseilleriez-vous ? » (kind question), its
  masked text as the prompt and the first piste as the answer.

Generating again updates each card found by (source, source_key) and deletes the cards whose
source is gone (a word removed, a question no longer public): a card never outlives what it
shows. The difficulty level is only guessed when the card is created, so that a level changed
by hand stays.
"""

import re
import zlib
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portail.cards.models import Card
from portail.core.content import ContentError, Tally, content_dir, field, read_toml
from portail.fiches.models import Fiche
from portail.glossary.models import Term, count_words
from portail.questions.models import Question, QuestionQuerySet

QUESTION_MAX_CHARS = 600
ANSWER_STEPS_MAX = 5

# A word in -ez not said to « vous » is an imperative: the sentence is advice, not a fact.
_VERB_EZ = re.compile(r"(?:^|(?<=[\s,:?!']))(\w+ez)(?:-\w+)?\b", re.I)
_NOT_VERBS = {"chez", "assez", "nez"}
# A sentence that leans on the previous one (« Elle décide… », « C'est un délit… », « Le
# propriétaire doit alors… ») or on the fiche's title (« Il faut une clause de révision dans le
# bail » — to do what?) means nothing alone on a card, or worse, something else.
_LEANS_ON_CONTEXT = re.compile(
    r"^(il|elle|ils|elles|son|sa|ses|leur|leurs|cela|ce|cette|ces|la saisir)\b"
    r"|^c['’]est\b"
    r"|^[^,:]*,\s*(il|elle|ils|elles)\b(?! faut| y a)"
    r"|\bs'il\b|\bcette période\b|\bcela\b|\balors\b"
    r"|\b(vous|on|peut|peuvent|doit|doivent|devez|pouvez) (la|le|les|l')\b"
    r"|\b(le|la|les) faire\b",
    re.I,
)
# Imperatives that do not end in -ez.
_IRREGULAR_IMPERATIVE = re.compile(r"(?:^|[\s,:])(faites|dites)\b", re.I)
# Sentences true in their fiche but misleading alone, set aside by a reviewer.
EXCLUDED_SENTENCES = "cartes/phrases-ecartees.toml"

DISCUSSIONS = {
    Card.Kind.WORD: [
        gettext_lazy("Avez-vous déjà entendu ce mot ? Où, et qu'avez-vous compris ?"),
        gettext_lazy("Qui peut l'expliquer avec ses propres mots, comme à un voisin ?"),
        gettext_lazy("Ce mot vous a-t-il déjà gêné dans un courrier ou au guichet ?"),
    ],
    Card.Kind.TRUE_FALSE: [
        gettext_lazy("Le saviez-vous avant aujourd'hui ? Qui pensait le contraire ?"),
        gettext_lazy("Connaissez-vous quelqu'un à qui c'est arrivé ? Comment ça s'est passé ?"),
        gettext_lazy("Qu'est-ce qui vous surprend dans cette phrase ?"),
    ],
    Card.Kind.QUESTION: [
        gettext_lazy("Avez-vous déjà vécu quelque chose comme ça ? Qu'avez-vous fait ?"),
        gettext_lazy("À qui iriez-vous demander de l'aide en premier ?"),
        gettext_lazy("Que diriez-vous à cette personne si elle était votre voisine ?"),
    ],
    Card.Kind.TESTIMONY: [
        gettext_lazy("Qui veut raconter ? Chacun peut passer son tour, sans se justifier."),
    ],
    Card.Kind.CHALLENGE: [
        gettext_lazy("Qui relève le défi ? On a le droit de s'aider à plusieurs."),
    ],
}
_MAIL = re.compile(r"\b(courrier|lettre|recommandé|avis|facture|relance)", re.I)
_MAIL_DISCUSSION = gettext_lazy("Avez-vous déjà reçu ce genre de courrier ? Qu'avez-vous fait ?")
# Words that may sit between « vous » and its verb: « vous n'avancez », « vous le pouvez ».
_CLITICS = {"n'", "ne", "y", "en", "le", "la", "les", "l'", "lui", "leur", "me", "m'", "se", "s'"}


def discussion_for(kind, key, text=""):
    """A question for the facilitator to open the talk: chosen by kind, varied from card to card
    but always the same for the same card."""
    if kind == Card.Kind.QUESTION and _MAIL.search(text):
        return str(_MAIL_DISCUSSION)
    choices = DISCUSSIONS[kind]
    return str(choices[zlib.crc32(key.encode()) % len(choices)])


# --- difficulty -----------------------------------------------------------------------------------


def word_level(term):
    """Short definitions of short words are easy; long ones, or a name of several words, less."""
    words = count_words(term.definition)
    level = 1 if words <= 20 else 2 if words <= 32 else 3
    if count_words(term.term) >= 3:
        level += 1
    return min(level, 3)


def statement_level(sentence):
    """A short sentence is easy; numbers (delays, amounts) and long sentences are harder."""
    words = count_words(sentence)
    level = 1 if words <= 9 else 2 if words <= 13 else 3
    if re.search(r"\d", sentence):
        level += 1
    return min(level, 3)


def question_level(text):
    length = len(text)
    return 1 if length <= 180 else 2 if length <= 380 else 3


# --- sources ------------------------------------------------------------------------------------


def is_statement(sentence):
    """True for a sentence that states a fact and can stand alone on a card."""
    if "?" in sentence:
        return False
    if _LEANS_ON_CONTEXT.search(sentence.strip()) or _IRREGULAR_IMPERATIVE.search(sentence):
        return False
    for match in _VERB_EZ.finditer(sentence):
        word = match.group(1).lower()
        if word in _NOT_VERBS:
            continue
        before = [t.lower() for t in sentence[: match.start(1)].replace("'", "' ").split()]
        while before and before[-1] in _CLITICS:
            before.pop()
        if not before or before[-1] != "vous":
            return False
    return True


def excluded_sentences():
    """{(fiche key, sentence)} that a reviewer kept off the cards (content/cartes/
    phrases-ecartees.toml)."""
    if not (content_dir() / EXCLUDED_SENTENCES).exists():
        return set()
    excluded = set()
    for entry in read_toml(EXCLUDED_SENTENCES, "ecartees"):
        if not isinstance(entry, dict):
            raise ContentError(f"{EXCLUDED_SENTENCES} : chaque phrase est un bloc [[ecartees]].")
        fiche = field(entry, "fiche", EXCLUDED_SENTENCES, required=True)
        sentence = field(entry, "phrase", EXCLUDED_SENTENCES, required=True)
        field(entry, "raison", EXCLUDED_SENTENCES, required=True)
        excluded.add((fiche, sentence))
    return excluded


def word_cards():
    for term in Term.objects.prefetch_related("themes"):
        themes = sorted(term.themes.all(), key=lambda theme: (theme.order, theme.name))
        yield (
            term.slug,
            {
                "kind": Card.Kind.WORD,
                "prompt": _("Que veut dire « %(term)s » ?") % {"term": term.term},
                "answer": term.definition,
                "discussion": discussion_for(Card.Kind.WORD, term.slug),
                "theme": themes[0] if themes else None,
                "topic": "",
                "reference": "; ".join(term.sources),
                "link": term.get_absolute_url(),
            },
            lambda term=term: word_level(term),
        )


def fiche_cards():
    excluded = excluded_sentences()
    for fiche in Fiche.objects.select_related("subject__theme"):
        reference = _("Fiche « %(title)s » : %(sources)s") % {
            "title": fiche.title,
            "sources": "; ".join(source["texte"] for source in fiche.sources),
        }
        for index, sentence in enumerate(fiche.summary_falc):
            if not is_statement(sentence) or (fiche.slug, sentence.strip()) in excluded:
                continue
            key = f"{fiche.slug}:{index}"
            yield (
                key,
                {
                    "kind": Card.Kind.TRUE_FALSE,
                    "prompt": _("Vrai ou faux ? %(sentence)s") % {"sentence": sentence},
                    "answer": _("Vrai. %(sentence)s À lire : la fiche « %(title)s ».")
                    % {"sentence": sentence, "title": fiche.title},
                    "discussion": discussion_for(Card.Kind.TRUE_FALSE, key),
                    "theme": fiche.subject.theme,
                    "topic": fiche.subject.title,
                    "reference": reference,
                    "link": fiche.get_absolute_url(),
                },
                lambda sentence=sentence: statement_level(sentence),
            )


def piste_answer(piste):
    """The piste in a few lines: its introduction and its first steps, numbered."""
    parts = [piste.intro.strip()] if piste.intro.strip() else []
    steps = [step.strip() for step in piste.steps if step.strip()]
    parts.extend(f"{number}. {step}" for number, step in enumerate(steps[:ANSWER_STEPS_MAX], 1))
    if len(steps) > ANSWER_STEPS_MAX:
        parts.append(_("(la suite de la piste est sur le portail)"))
    if piste.contact.strip():
        parts.append(_("À qui s'adresser : %(contact)s") % {"contact": piste.contact.strip()})
    return "\n".join(parts)


def eligible_questions():
    """Public questions (never the private, unmoderated or refused ones) that have a piste and
    are short enough to be read aloud."""
    return (
        Question.objects.public()
        .filter(pistes__isnull=False)
        .distinct()
        .select_related("theme", "subject")
        .prefetch_related("pistes")
    )


def question_values(question):
    """The card's values for a public question (masked text only), or None when it does not make
    a card."""
    text = question.text.strip()
    pistes = list(question.pistes.all())
    if not pistes or not text or len(text) > QUESTION_MAX_CHARS:
        return None
    key = str(question.pk)
    return {
        "kind": Card.Kind.QUESTION,
        "prompt": _("Que conseilleriez-vous ? « %(text)s »") % {"text": text},
        "answer": piste_answer(pistes[0]),
        "discussion": discussion_for(Card.Kind.QUESTION, key, text),
        "theme": question.theme,
        "topic": question.subject.title if question.subject else "",
        "reference": "",
        "link": question.get_absolute_url(),
    }


def question_cards():
    for question in eligible_questions():
        values = question_values(question)
        if values is not None:
            yield str(question.pk), values, lambda text=question.text: question_level(text)


# --- writing ------------------------------------------------------------------------------------

GENERATORS = [
    (Card.Source.GLOSSARY, gettext_lazy("Cartes « Que veut dire… ? » (glossaire)"), word_cards),
    (Card.Source.FICHE, gettext_lazy("Cartes « Vrai ou faux ? » (fiches pistes)"), fiche_cards),
    (
        Card.Source.QUESTION,
        gettext_lazy("Cartes « Que conseilleriez-vous ? » (questions)"),
        question_cards,
    ),
]


@dataclass
class GenerationTally(Tally):
    deleted: int = 0

    def __str__(self):
        text = super().__str__()
        if self.deleted:
            text += _(", %(count)d retirée(s)") % {"count": self.deleted}
        return text


def sync_cards(source, rows, label):
    """Create or update the cards of `source` from `rows` [(key, values, level_func)], and delete
    the cards of that source whose key is no longer there."""
    tally = GenerationTally(str(label))
    existing = {card.source_key: card for card in Card.objects.filter(source=source)}
    seen = set()
    for key, values, level in rows:
        seen.add(key)
        card = existing.get(key)
        if card is None:
            Card.objects.create(source=source, source_key=key, level=level(), **values)
            tally.add("created")
            continue
        changed = [name for name, value in values.items() if getattr(card, name) != value]
        for name in changed:
            setattr(card, name, values[name])
        if changed:
            card.save(update_fields=changed)
        tally.add("updated" if changed else "unchanged")
    stale = [card.pk for key, card in existing.items() if key not in seen]
    if stale:
        tally.deleted = Card.objects.filter(pk__in=stale).delete()[1].get("cards.Card", 0)
    return tally


@transaction.atomic
def generate_cards():
    """Every generated card, in step with the glossary, the fiches and the public questions.
    Returns one tally per source."""
    return [sync_cards(source, rows(), label) for source, label, rows in GENERATORS]


def sync_question_card(question):
    """Keep the card of one question in step with it right away (called on save): a question
    taken off the portal, or whose text was corrected, never stays on a card. Never creates a
    card: that is `generate_cards`' job."""
    card = Card.objects.filter(source=Card.Source.QUESTION, source_key=str(question.pk)).first()
    if card is None:
        return
    values = None
    if question.is_public and question.status in QuestionQuerySet.VISIBLE_STATUSES:
        values = question_values(question)
    if values is None:
        card.delete()
        return
    changed = [name for name, value in values.items() if getattr(card, name) != value]
    for name in changed:
        setattr(card, name, values[name])
    if changed:
        card.save(update_fields=changed)
