"""Forms of the cards room: a deck (name, theme, event, group), a card written by a facilitator,
the filters of the candidate cards. A refused form keeps what the person typed."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portail.cards.decks import DECK_MAX_CARDS
from portail.cards.models import Card, Deck
from portail.cards.permissions import groups_for_decks
from portail.events.models import Event
from portail.groups.models import Group
from portail.places.models import Theme
from portail.privacy.masking import KIND_LABELS, detect
from portail.questions.forms.public import CleanTextarea
from portail.questions.forms.team import TeamTextField

PROMPT_MAX_LENGTH = 400
ANSWER_MAX_LENGTH = 700
DISCUSSION_MAX_LENGTH = 300
PERSONAL_DATA = _(
    "Ce texte semble contenir une information personnelle (%(kinds)s). Les cartes sont "
    "publiques et imprimées : enlevez-la, puis validez à nouveau."
)


def refuse_personal_data(text):
    """The text unchanged, or a clear error when the masking engine finds personal data in it."""
    spans = detect(text) if text else []
    if spans:
        kinds = sorted({KIND_LABELS.get(span.kind, span.kind) for span in spans})
        raise forms.ValidationError(PERSONAL_DATA, params={"kinds": ", ".join(kinds)})
    return text


class CardForm(forms.ModelForm):
    prompt = TeamTextField(
        label=_("Ce qui est lu à la table"),
        help_text=_(
            "Une question, une phrase « vrai ou faux », un mot, un défi… Phrases courtes : elle "
            "sera lue à voix haute et imprimée sur une petite carte."
        ),
        max_length=PROMPT_MAX_LENGTH,
        required_message=_("Écrivez ce qui sera lu à la table : la case est vide."),
        widget=CleanTextarea(attrs={"rows": 3}),
    )
    answer = TeamTextField(
        label=_("La réponse (au dos de la carte)"),
        help_text=_(
            "Pour un « vrai ou faux », commencez par « Vrai. » ou « Faux. ». N'écrivez que ce dont "
            "vous êtes sûr, avec la loi ou la fiche qui le dit."
        ),
        max_length=ANSWER_MAX_LENGTH,
        required_message="",
        required=False,
        widget=CleanTextarea(attrs={"rows": 4}),
    )
    discussion = TeamTextField(
        label=_("Pour lancer la discussion (facultatif)"),
        help_text=_("Une question pour l'animateur, par exemple : « Qui a déjà vécu ça ? »."),
        max_length=DISCUSSION_MAX_LENGTH,
        required_message="",
        required=False,
        widget=CleanTextarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Card
        fields = ["kind", "prompt", "answer", "reference", "discussion", "level", "theme"]
        labels = {
            "kind": _("Type de carte"),
            "reference": _("Référence (facultatif)"),
            "level": _("Difficulté"),
            "theme": _("Thème (facultatif)"),
        }
        help_texts = {"reference": _("La loi, l'article ou la fiche du portail qui le dit.")}
        widgets = {
            "kind": forms.RadioSelect,
            "level": forms.RadioSelect,
            "reference": forms.TextInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].empty_label = _("Aucun thème en particulier")
        self.fields["kind"].error_messages["required"] = _("Choisissez le type de carte.")
        self.fields["level"].error_messages["required"] = _("Choisissez la difficulté.")
        self.fields["reference"].max_length = 300
        self.fields["reference"].widget.attrs.pop("maxlength", None)

    def clean_prompt(self):
        return refuse_personal_data(self.cleaned_data["prompt"])

    def clean_answer(self):
        return refuse_personal_data(self.cleaned_data["answer"])

    def clean_discussion(self):
        return refuse_personal_data(self.cleaned_data["discussion"])

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        if len(reference) > 300:
            raise forms.ValidationError(_("La référence est trop longue : 300 caractères au plus."))
        return reference

    def clean(self):
        cleaned = super().clean()
        kind, answer = cleaned.get("kind"), cleaned.get("answer")
        if kind == Card.Kind.TRUE_FALSE and answer is not None:
            if not answer.startswith(("Vrai", "Faux")):
                self.add_error(
                    "answer",
                    _("Pour un « vrai ou faux », la réponse commence par « Vrai. » ou « Faux. »."),
                )
            elif answer.startswith("Faux") and not cleaned.get("reference"):
                self.add_error(
                    "reference",
                    _(
                        "Une phrase fausse a besoin de sa correction et de la loi qui la corrige : "
                        "donnez la référence."
                    ),
                )
        return cleaned


class DeckForm(forms.ModelForm):
    FILL_CHOICES = [
        ("melange", _("Oui : des cartes variées du thème choisi, que je trierai ensuite")),
        ("vide", _("Non : je choisirai les cartes une par une")),
    ]

    class Meta:
        model = Deck
        fields = ["name", "theme", "event", "group"]
        labels = {
            "name": _("Nom du paquet"),
            "theme": _("Thème (facultatif)"),
            "event": _("Pour un événement (facultatif)"),
            "group": _("Groupe (facultatif)"),
        }
        help_texts = {
            "name": _("Par exemple : « Logement — restitution du 12 mars »."),
            "group": _("Les animateurs de ce groupe pourront aussi préparer le paquet."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Donnez un nom au paquet.")
        self.fields["theme"].empty_label = _("Tous les thèmes")
        self.fields["event"].empty_label = _("Aucun événement")
        # Only the events this person may see (a private group's meeting stays hidden), and the
        # deck's current one.
        visible = Q(pk__in=Event.objects.visible_to(user).values("pk")) | Q(
            pk=self.instance.event_id
        )
        self.fields["event"].queryset = Event.objects.filter(visible).order_by("-starts_at")
        # The deck's current group stays a choice, even for staff or a co-facilitator editing it.
        allowed = Q(pk__in=groups_for_decks(user).values("pk")) | Q(pk=self.instance.group_id)
        self.fields["group"].queryset = Group.objects.filter(allowed).order_by("name")
        self.fields["group"].empty_label = _("Aucun groupe")
        if self.instance.pk is None:
            self.fields["fill"] = forms.ChoiceField(
                label=_("Mettre tout de suite des cartes dans le paquet ?"),
                choices=self.FILL_CHOICES,
                initial="melange",
                widget=forms.RadioSelect,
            )
            self.fields["count"] = forms.IntegerField(
                label=_("Combien de cartes, environ ?"),
                min_value=1,
                max_value=DECK_MAX_CARDS,
                initial=30,
                error_messages={
                    "min_value": _("Au moins une carte."),
                    "max_value": _("Au plus %(limit_value)s cartes dans un paquet."),
                    "invalid": _("Écrivez un nombre, par exemple 30."),
                    "required": _("Écrivez combien de cartes, par exemple 30."),
                },
            )


class CandidateFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous les types")), *Card.Kind.choices]
    )
    niveau = forms.TypedChoiceField(
        label=_("Difficulté"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Toutes")), *Card.Level.choices],
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"),
        required=False,
        queryset=Theme.objects.all(),
        empty_label=_("Tous les thèmes"),
        to_field_name="slug",
    )
    mots = forms.CharField(label=_("Contenant les mots"), required=False, max_length=100)

    def filter(self, cards):
        if not self.is_valid():
            return cards
        data = self.cleaned_data
        cards = cards.filtered(kind=data["type"], level=data["niveau"], theme=data["theme"])
        for word in data["mots"].split()[:6]:
            cards = cards.filter(prompt__icontains=word)
        return cards
