"""Cards written and reviewed by us, from content/cartes/*.toml: the FALSE « Vrai ou faux ? »
statements with their correction and legal reference (a false statement is never generated),
and the « Témoignage » and « Défi » cards. See the head of content/cartes/vrai-faux.toml.

Each card is found again by its `cle`; a card removed from the files is removed from the
database (and so from the decks): a statement taken out because it was wrong must not stay on a
table. See portail/core/content.py for the common loading rules."""

from django.db import transaction

from portail.cards.generate import discussion_for
from portail.cards.models import Card
from portail.core.content import ContentError, Tally, content_dir, field, read_toml
from portail.places.models import Subject, Theme

KEYS = {
    "cle",
    "type",
    "texte",
    "reponse",
    "reference",
    "sujet",
    "theme",
    "niveau",
    "discussion",
}
FOLDER = "cartes"


def card_files():
    return sorted((content_dir() / FOLDER).glob("*.toml"))


@transaction.atomic
def load_cards():
    """Create or update every card of content/cartes/ (all or nothing), delete those that are no
    longer there. Returns a Tally."""
    tally = Tally("Cartes du jeu écrites par l'équipe")
    existing = {card.source_key: card for card in Card.objects.filter(source=Card.Source.CONTENT)}
    seen = {}
    for path in card_files():
        filename = f"{FOLDER}/{path.name}"
        for entry in read_toml(filename, "cartes"):
            key, values = _card_values(entry, filename)
            if key in seen:
                raise ContentError(
                    f"{filename} : la clé « {key} » est déjà utilisée ({seen[key]})."
                )
            seen[key] = filename
            card = existing.get(key)
            if card is None:
                Card.objects.create(source=Card.Source.CONTENT, source_key=key, **values)
                tally.add("created")
                continue
            changed = [name for name, value in values.items() if getattr(card, name) != value]
            for name in changed:
                setattr(card, name, values[name])
            if changed:
                card.save(update_fields=changed)
            tally.add("updated" if changed else "unchanged")
    Card.objects.filter(source=Card.Source.CONTENT).exclude(source_key__in=seen).delete()
    return tally


def _card_values(entry, source):
    if not isinstance(entry, dict):
        raise ContentError(f"{source} : chaque carte est un bloc [[cartes]].")
    unknown = set(entry) - KEYS
    if unknown:
        raise ContentError(f"{source} : champ(s) inconnu(s) : {', '.join(sorted(unknown))}.")
    key = field(entry, "cle", source, required=True)
    where = f"{source}, carte « {key} »"
    kind = field(entry, "type", source, required=True)
    if kind not in Card.Kind.values:
        raise ContentError(
            f"{where} : type inconnu « {kind} » (possibles : {', '.join(Card.Kind.values)})."
        )
    prompt = field(entry, "texte", source, required=True)
    answer = field(entry, "reponse", source, default="")
    reference = field(entry, "reference", source, default="")
    if kind == Card.Kind.TRUE_FALSE:
        if not answer.startswith(("Vrai.", "Faux.")):
            raise ContentError(
                f"{where} : la réponse d'un « vrai-faux » commence par « Vrai. » ou « Faux. »."
            )
        if not reference:
            raise ContentError(
                f"{where} : un « vrai-faux » a toujours sa référence (loi, article, décret)."
            )
    level = entry.get("niveau", 1)
    if isinstance(level, bool) or level not in Card.Level.values:
        raise ContentError(f"{where} : « niveau » vaut 1, 2 ou 3 (sans guillemets).")
    subject = _subject(entry, source, where)
    theme = _theme(entry, source, where) or (subject.theme if subject else None)
    return key, {
        "kind": kind,
        "prompt": prompt,
        "answer": answer,
        "reference": reference,
        "discussion": field(entry, "discussion", source, default="")
        or discussion_for(kind, key, prompt),
        "level": level,
        "theme": theme,
        "topic": subject.title if subject else "",
        "link": subject.get_absolute_url() if subject else "",
    }


def _subject(entry, source, where):
    key = field(entry, "sujet", source, default="")
    if not key:
        return None
    subject = Subject.objects.select_related("theme").filter(key=key).first()
    if subject is None:
        raise ContentError(f"{where} : sujet inconnu : {key}.")
    return subject


def _theme(entry, source, where):
    slug = field(entry, "theme", source, default="")
    if not slug:
        return None
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise ContentError(f"{where} : thème inconnu : {slug}.")
    return theme
