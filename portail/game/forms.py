"""Forms of the game: starting a game, the version every action carries, and the question a
table raises during play."""

import uuid

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portail.cards.models import Deck
from portail.events.models import Event
from portail.game import board as board_drawing
from portail.game import rules
from portail.game.models import GameSession
from portail.questions.forms.public import QuestionTextField

DEFAULT_TEAMS = (gettext_lazy("Équipe Bleue"), gettext_lazy("Équipe Orange"))
NAME_MAX_LENGTH = 40


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.starts_at:%d/%m/%Y})"


class NewGameForm(forms.Form):
    deck = forms.ModelChoiceField(
        label=gettext_lazy("Le paquet de cartes"),
        queryset=Deck.objects.none(),
        required=False,
        empty_label=gettext_lazy("Sans cartes"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Ce paquet n'est pas disponible. Choisissez-en un autre."
            )
        },
    )
    variant = forms.ChoiceField(
        label=gettext_lazy("Le plateau"),
        choices=[
            (
                GameSession.Variant.CARDS,
                gettext_lazy("Avec nos cartes : les oies font tirer une carte"),
            ),
            (
                GameSession.Variant.CLASSIC,
                gettext_lazy("Classique : les oies font avancer encore"),
            ),
        ],
        initial=GameSession.Variant.CARDS,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choisissez un plateau."),
            "invalid_choice": gettext_lazy("Choisissez un des deux plateaux."),
        },
    )
    dice = forms.TypedChoiceField(
        label=gettext_lazy("Les dés"),
        choices=[(2, gettext_lazy("Deux dés")), (1, gettext_lazy("Un dé (partie plus longue)"))],
        coerce=int,
        initial=2,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choisissez un ou deux dés."),
            "invalid_choice": gettext_lazy("Choisissez un ou deux dés."),
        },
    )
    event = EventChoiceField(
        label=gettext_lazy("Pendant un événement (facultatif)"),
        queryset=Event.objects.none(),
        required=False,
        empty_label=gettext_lazy("Aucun"),
        help_text=gettext_lazy(
            "Les questions notées pendant la partie seront rattachées à cet événement."
        ),
        error_messages={
            "invalid_choice": gettext_lazy("Cet événement n'existe pas. Choisissez-en un autre.")
        },
    )
    name = forms.CharField(
        label=gettext_lazy("Nom de la partie (facultatif)"),
        max_length=120,
        required=False,
        help_text=gettext_lazy("Par exemple : restitution du 12 juin, table 2."),
        error_messages={"max_length": gettext_lazy("Écrivez un nom de moins de 120 caractères.")},
    )
    seed = forms.IntegerField(
        label=gettext_lazy("Numéro de tirage (facultatif)"),
        required=False,
        min_value=0,
        max_value=999_999,
        help_text=gettext_lazy(
            "Avec le même numéro, les dés tombent de la même façon : pour rejouer une partie. "
            "Laissez vide pour un tirage au hasard."
        ),
        error_messages={
            "invalid": gettext_lazy("Le numéro de tirage s'écrit avec des chiffres seulement."),
            "min_value": gettext_lazy("Le numéro de tirage va de 0 à 999 999."),
            "max_value": gettext_lazy("Le numéro de tirage va de 0 à 999 999."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deck"].queryset = Deck.objects.visible_to(user).order_by("name")
        self.fields["event"].queryset = Event.objects.visible_to(user).order_by("-starts_at")
        # One field per player or team, each labelled with its pawn so that the facilitator
        # knows which pawn is whose before the game starts.
        for index in range(rules.MAX_PLAYERS):
            self.fields[f"team_{index}"] = forms.CharField(
                label=_("Équipe ou joueur %(n)s (%(pawn)s)")
                % {"n": index + 1, "pawn": board_drawing.pawn_description(index)},
                max_length=NAME_MAX_LENGTH,
                required=False,
                initial=DEFAULT_TEAMS[index] if index < len(DEFAULT_TEAMS) else "",
                error_messages={
                    "max_length": _("Écrivez un nom de moins de %(n)s caractères.")
                    % {"n": NAME_MAX_LENGTH}
                },
            )

    def team_fields(self):
        return [self[f"team_{index}"] for index in range(rules.MAX_PLAYERS)]

    def clean(self):
        data = super().clean()
        names = [
            " ".join(str(data.get(f"team_{index}") or "").split())
            for index in range(rules.MAX_PLAYERS)
        ]
        players = [name for name in names if name]
        if len(players) < rules.MIN_PLAYERS:
            self.add_error(
                "team_0",
                _("Il faut au moins deux équipes ou joueurs : écrivez au moins deux noms."),
            )
        lowered = [name.casefold() for name in players]
        if len(set(lowered)) != len(lowered):
            self.add_error(
                "team_0",
                _("Deux équipes ont le même nom : donnez un nom différent à chacune."),
            )
        data["players"] = players
        deck = data.get("deck")
        if data.get("variant") == GameSession.Variant.CARDS:
            if deck is None and "deck" not in self.errors:
                self.add_error(
                    "deck",
                    _(
                        "Pour jouer « avec nos cartes », choisissez un paquet de cartes (ou le "
                        "plateau classique)."
                    ),
                )
            elif deck is not None and not deck.cards_in_order().exists():
                self.add_error(
                    "deck",
                    _("Ce paquet n'a pas encore de carte. Choisissez-en un autre."),
                )
        return data


class VersionForm(forms.Form):
    """The version of the game the screen showed when the button was pressed."""

    version = forms.IntegerField(min_value=0)


class TableQuestionForm(forms.Form):
    """A question raised at the table, written down by the facilitator, for the moderation
    queue (the text is masked there, as every question)."""

    text = QuestionTextField(label=gettext_lazy("La question de la table"))
    consent_publication = forms.BooleanField(
        label=gettext_lazy(
            "La personne accepte que sa question soit publiée sur le portail, sans son nom ni "
            "rien qui permette de la reconnaître."
        ),
        required=False,
    )
    person_agrees = forms.BooleanField(
        label=gettext_lazy("La personne est d'accord pour que sa question soit enregistrée."),
        error_messages={
            "required": gettext_lazy(
                "Sans l'accord de la personne, la question ne peut pas être enregistrée. "
                "Demandez-lui avant de continuer."
            )
        },
    )
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _(
            "Avec les mots de la personne. Les noms, adresses et numéros seront enlevés avant "
            "toute publication."
        )
        self.fields["text"].widget.attrs["rows"] = 4
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4().hex)

    def clean_submission_key(self):
        try:
            return uuid.UUID(self.cleaned_data["submission_key"]).hex
        except ValueError:
            return ""
