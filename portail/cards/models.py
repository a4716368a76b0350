"""The cards of the jeu de l'oie, built from the portal's content (glossary, fiches, published
questions) or written by facilitators and by us (content/cartes/), and the decks a facilitator
curates from them.

Cards hold public content only: a question card copies the masked text of a public question,
never its original, and disappears when the question stops being public (see signals.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class CardQuerySet(models.QuerySet):
    def filtered(self, kind="", level=None, theme=None):
        qs = self
        if kind:
            qs = qs.filter(kind=kind)
        if level:
            qs = qs.filter(level=level)
        if theme:
            qs = qs.filter(theme=theme)
        return qs

    def not_in(self, deck):
        """Cards not (or no longer) included in `deck`: the candidates a facilitator adds."""
        return self.exclude(deckcard__deck=deck, deckcard__included=True)


class Card(models.Model):
    class Kind(models.TextChoices):
        QUESTION = "question", _("question")
        TRUE_FALSE = "vrai-faux", _("vrai ou faux")
        WORD = "mot", _("mot à expliquer")
        TESTIMONY = "temoignage", _("témoignage")
        CHALLENGE = "defi", _("défi")

    class Level(models.IntegerChoices):
        EASY = 1, _("facile")
        MEDIUM = 2, _("moyen")
        HARD = 3, _("difficile")

    class Source(models.TextChoices):
        GLOSSARY = "glossaire", _("glossaire")
        FICHE = "fiche", _("fiche piste")
        QUESTION = "question", _("question publiée")
        CONTENT = "contenu", _("cartes relues du portail")

    kind = models.CharField(_("type de carte"), max_length=12, choices=Kind.choices)
    prompt = models.TextField(_("ce qui est lu à la table"))
    answer = models.TextField(_("réponse"), blank=True)
    discussion = models.TextField(_("pour lancer la discussion"), blank=True)
    level = models.PositiveSmallIntegerField(_("difficulté"), choices=Level.choices, default=1)
    theme = models.ForeignKey(
        "places.Theme", verbose_name=_("thème"), null=True, blank=True, on_delete=models.SET_NULL
    )
    # Where a generated card comes from (« glossaire », « fiche », « question », « contenu ») and
    # the key of that object, so that generating again updates it instead of adding a copy.
    # Empty for a card written by a facilitator.
    source = models.CharField(_("source"), max_length=12, blank=True)
    source_key = models.CharField(_("clé de la source"), max_length=200, blank=True)
    topic = models.CharField(
        _("sujet"), max_length=120, blank=True, help_text=_("De quoi parle la carte, en 2-3 mots.")
    )
    reference = models.TextField(
        _("référence"), blank=True, help_text=_("La loi, l'article ou la fiche qui le dit.")
    )
    link = models.CharField(
        _("page du portail"), max_length=200, blank=True, help_text=_("Pour en savoir plus.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("écrite par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)

    objects = CardQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("carte")
        verbose_name_plural = _("cartes")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key"],
                condition=~Q(source=""),
                name="card_unique_source",
            )
        ]

    def __str__(self):
        return self.prompt[:60]

    @property
    def heading(self):
        """What the card says on top, in the reader's words."""
        return KIND_HEADINGS[self.kind]

    @property
    def is_written_by_hand(self):
        return not self.source

    def get_edit_url(self):
        return reverse("cards:card_edit", args=[self.pk])


def kind_count(kind, count):
    """« 9 mots à expliquer », « 1 défi »: a count of cards of one kind, in words."""
    forms = {
        Card.Kind.QUESTION: ngettext("%(n)d question", "%(n)d questions", count),
        Card.Kind.TRUE_FALSE: ngettext("%(n)d vrai ou faux", "%(n)d vrai ou faux", count),
        Card.Kind.WORD: ngettext("%(n)d mot à expliquer", "%(n)d mots à expliquer", count),
        Card.Kind.TESTIMONY: ngettext("%(n)d témoignage", "%(n)d témoignages", count),
        Card.Kind.CHALLENGE: ngettext("%(n)d défi", "%(n)d défis", count),
    }
    return forms[kind] % {"n": count}


KIND_HEADINGS = {
    Card.Kind.WORD: _("Que veut dire… ?"),
    Card.Kind.TRUE_FALSE: _("Vrai ou faux ?"),
    Card.Kind.QUESTION: _("Que conseilleriez-vous ?"),
    Card.Kind.TESTIMONY: _("Témoignage"),
    Card.Kind.CHALLENGE: _("Défi"),
}


class DeckQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Decks without a group or of a public group, plus those of the person's groups (staff
        see them all). The cards are public; a private group's decks stay among its members."""
        public = Q(group__isnull=True) | Q(group__is_public=True)
        if not user.is_authenticated or not user.is_active:
            return self.filter(public)
        if user.is_staff:
            return self.all()
        return self.filter(public | Q(group__memberships__user=user)).distinct()


class Deck(models.Model):
    name = models.CharField(_("nom du paquet"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=140, unique=True)
    theme = models.ForeignKey(
        "places.Theme", verbose_name=_("thème"), null=True, blank=True, on_delete=models.SET_NULL
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("pour l'événement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decks",
    )
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("groupe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decks",
        help_text=_("Les animateurs de ce groupe peuvent aussi préparer le paquet."),
    )
    cards = models.ManyToManyField(Card, through="DeckCard", related_name="decks")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("préparé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = DeckQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("paquet de cartes")
        verbose_name_plural = _("paquets de cartes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cards:deck", args=[self.slug])

    def cards_in_order(self):
        """The included cards, in the facilitator's order."""
        return Card.objects.filter(deckcard__deck=self, deckcard__included=True).order_by(
            "deckcard__position", "id"
        )

    def excluded_cards(self):
        return Card.objects.filter(deckcard__deck=self, deckcard__included=False).order_by(
            "deckcard__position", "id"
        )

    # --- curation -----------------------------------------------------------------------------

    def add(self, cards):
        """Include `cards` at the end, in the given order (cards already included stay where
        they are; excluded ones come back at the end). Returns how many were added."""
        added = 0
        position = self._next_position()
        rows = {row.card_id: row for row in self.deckcard_set.all()}
        for card in cards:
            row = rows.get(card.pk)
            if row is not None and row.included:
                continue
            if row is None:
                row = DeckCard(deck=self, card=card)
                rows[card.pk] = row
            row.included = True
            row.position = position
            row.save()
            position += 1
            added += 1
        if added:
            self.save(update_fields=["updated_at"])
        return added

    def exclude(self, card):
        """Take a card out of the deck; it stays listed as « retirée » to be put back."""
        changed = self.deckcard_set.filter(card=card, included=True).update(included=False)
        if changed:
            self.save(update_fields=["updated_at"])
        return bool(changed)

    def move(self, card, offset):
        """Move an included card one place up (offset -1) or down (+1). Returns True if it
        moved (a card already first or last stays put)."""
        rows = list(self.deckcard_set.filter(included=True).order_by("position", "id"))
        index = next((i for i, row in enumerate(rows) if row.card_id == card.pk), None)
        target = None if index is None else index + offset
        if target is None or not 0 <= target < len(rows):
            return False
        rows[index], rows[target] = rows[target], rows[index]
        for position, row in enumerate(rows):
            if row.position != position:
                row.position = position
                row.save(update_fields=["position"])
        self.save(update_fields=["updated_at"])
        return True

    def _next_position(self):
        last = self.deckcard_set.aggregate(last=Max("position"))["last"]
        return 0 if last is None else last + 1


class DeckCard(models.Model):
    deck = models.ForeignKey(Deck, on_delete=models.CASCADE)
    card = models.ForeignKey(Card, on_delete=models.CASCADE)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    included = models.BooleanField(_("dans le paquet"), default=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["deck", "card"], name="deckcard_unique")]

    def __str__(self):
        return f"{self.deck} — {self.card}"
