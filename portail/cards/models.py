"""The cards of the jeu de l'oie, built from the portal's content (glossary, fiches, published
questions) or written by facilitators, and the decks a facilitator curates from them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    kind = models.CharField(_("type de carte"), max_length=12, choices=Kind.choices)
    prompt = models.TextField(_("ce qui est lu à la table"))
    answer = models.TextField(_("réponse"), blank=True)
    discussion = models.TextField(_("pour lancer la discussion"), blank=True)
    level = models.PositiveSmallIntegerField(_("difficulté"), choices=Level.choices, default=1)
    theme = models.ForeignKey(
        "places.Theme", verbose_name=_("thème"), null=True, blank=True, on_delete=models.SET_NULL
    )
    # Where a generated card comes from (« glossaire », « fiche », « question ») and the key of
    # that object, so that generating again updates it instead of adding a copy.
    source = models.CharField(_("source"), max_length=12, blank=True)
    source_key = models.CharField(_("clé de la source"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("écrite par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("carte")
        verbose_name_plural = _("cartes")

    def __str__(self):
        return self.prompt[:60]


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
    cards = models.ManyToManyField(Card, through="DeckCard", related_name="decks")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("préparé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("paquet de cartes")
        verbose_name_plural = _("paquets de cartes")

    def __str__(self):
        return self.name

    def cards_in_order(self):
        """The included cards, in the facilitator's order."""
        return Card.objects.filter(deckcard__deck=self, deckcard__included=True).order_by(
            "deckcard__position", "id"
        )


class DeckCard(models.Model):
    deck = models.ForeignKey(Deck, on_delete=models.CASCADE)
    card = models.ForeignKey(Card, on_delete=models.CASCADE)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    included = models.BooleanField(_("dans le paquet"), default=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["deck", "card"], name="deckcard_unique")]
