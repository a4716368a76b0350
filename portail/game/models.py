"""A game of the jeu de l'oie played on screen: its events are the whole state (see rules.py),
kept server-side so that a reload, a phone and the projector show the same game.

Two screens pressing « Lancer les dés » at the same time must not play two turns: every change
is an UPDATE conditioned on the version the screen saw (optimistic locking), and a screen that
was behind is shown the game as it is instead.
"""

import secrets
from functools import cached_property

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from portail.cards.models import Card
from portail.game import rules


class StaleVersion(Exception):
    """The game changed since the screen that acts was drawn."""


class GameSessionQuerySet(models.QuerySet):
    def run_by(self, user):
        """The games a person may act on: their own; every game for the staff."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(created_by=user)


def new_screen_key():
    return secrets.token_urlsafe(24)


class GameSession(models.Model):
    class Variant(models.TextChoices):
        CARDS = "cartes", _("avec nos cartes")
        CLASSIC = "classique", _("classique")

    name = models.CharField(_("nom de la partie"), max_length=120)
    variant = models.CharField(
        _("plateau"), max_length=10, choices=Variant.choices, default=Variant.CARDS
    )
    deck = models.ForeignKey(
        "cards.Deck",
        verbose_name=_("paquet de cartes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="games",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("événement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="games",
    )
    # The whole game: a list of rules events, the first of which (« start ») holds the board,
    # the players, the seed and the deck's cards as they were when the game began.
    events = models.JSONField(_("déroulé"), default=list)
    version = models.PositiveIntegerField(default=0)
    # Where the last turn begins in ``events`` (0 before the first throw).
    turn_start = models.PositiveIntegerField(default=0)
    current_card = models.ForeignKey(
        "cards.Card",
        verbose_name=_("carte tirée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    card_drawn = models.BooleanField(_("une carte est sur la table"), default=False)
    card_revealed = models.BooleanField(_("réponse montrée"), default=False)
    # The projector's secret link is derived from this key and the site's secret (see
    # screen_token): the key alone, read from a backup, opens nothing.
    screen_key = models.CharField(max_length=40, default=new_screen_key, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lancée par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="games",
    )
    created_at = models.DateTimeField(_("commencée le"), default=timezone.now)
    updated_at = models.DateTimeField(_("dernier coup le"), default=timezone.now)
    finished_at = models.DateTimeField(_("finie le"), null=True, blank=True)

    objects = GameSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("partie de jeu de l'oie")
        verbose_name_plural = _("parties de jeu de l'oie")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("game:play", args=[self.pk])

    # --- creation -----------------------------------------------------------------------------

    @classmethod
    def begin(cls, *, name, players, created_by, deck=None, event=None, variant="cartes",
              dice=2, seed=None, board=None):  # fmt: skip
        """Start a game. ``board`` replaces the classic board (tests, short games)."""
        board = board or rules.Board(dice=dice)
        if variant == cls.Variant.CARDS and not board.cards:
            board = board.with_cards()
        if seed is None:
            seed = secrets.randbelow(1_000_000)
        cards = []
        if deck is not None:
            cards = [(card.pk, card.kind) for card in deck.cards_in_order()]
        state = rules.new_game(board, players, seed, cards)
        return cls.objects.create(
            name=name,
            variant=variant,
            deck=deck,
            event=event,
            events=[state.start_event()],
            created_by=created_by,
        )

    # --- reading ------------------------------------------------------------------------------

    @cached_property
    def state(self):
        return rules.replay(self.events)

    @property
    def board(self):
        return self.state.board

    @property
    def players(self):
        return self.state.players

    @property
    def seed(self):
        return self.state.seed

    @property
    def last_turn(self):
        """The events of the last turn played (empty before the first throw)."""
        return self.events[self.turn_start :] if self.turn_start else []

    @property
    def is_finished(self):
        return self.state.finished

    def screen_token(self):
        return salted_hmac("portail.game.ecran", f"{self.pk}:{self.screen_key}").hexdigest()[:32]

    def screen_token_matches(self, token):
        return constant_time_compare(self.screen_token(), token or "")

    def screen_url(self):
        return reverse("game:screen", args=[self.pk, self.screen_token()])

    # --- acting -------------------------------------------------------------------------------

    def _save_if_current(self, version, **fields):
        """Write ``fields`` only if nobody changed the game since ``version`` was read."""
        fields = {"version": version + 1, "updated_at": timezone.now(), **fields}
        updated = GameSession.objects.filter(pk=self.pk, version=version).update(**fields)
        if not updated:
            raise StaleVersion
        for name, value in fields.items():
            setattr(self, name, value)
        self.__dict__.pop("state", None)

    def play_turn(self, *, version):
        """Throw the dice for the player whose turn it is. Returns the turn's events."""
        state, turn = rules.play_turn(self.state)
        card_event = next((e for e in turn if e["type"] == "card"), None)
        card_id = card_event["card"] if card_event else None
        if card_id is not None and not Card.objects.filter(pk=card_id).exists():
            # The deck's card went away since the game began (its question was taken off the
            # portal, its word left the glossary): the square says so, and the game goes on.
            card_id = None
        self._save_if_current(
            version,
            events=[*self.events, *turn],
            turn_start=len(self.events),
            current_card_id=card_id,
            card_drawn=card_event is not None,
            card_revealed=False,
            finished_at=timezone.now() if state.finished else None,
        )
        return turn

    def reveal_answer(self, *, version):
        self._save_if_current(version, card_revealed=True)

    def finish_now(self, *, version):
        """Stop the game (the session is over): the player furthest ahead wins."""
        _state, turn = rules.finish_now(self.state)
        self._save_if_current(
            version,
            events=[*self.events, *turn],
            turn_start=len(self.events),
            card_drawn=False,
            current_card_id=None,
            card_revealed=False,
            finished_at=timezone.now(),
        )
        return turn

    def new_screen_link(self, *, version):
        self._save_if_current(version, screen_key=new_screen_key())
