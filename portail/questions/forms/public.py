"""Forms of the public side: asking (online or entered on someone's behalf), filtering the list
of questions, reporting. Every message is plain French and a refused form keeps what the person
wrote."""

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from portail.places.forms import quartier_filter, subject_filter, theme_filter
from portail.places.models import Quartier, Theme
from portail.questions.models import TEXT_MAX_LENGTH, TEXT_MIN_LENGTH, Question, Report

# Characters a person never means to send: C0 controls but tab and line breaks, DEL, C1 controls,
# and the bidirectional overrides and isolates that can make a text read differently from what
# it contains ("Trojan source").
INVISIBLE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MIN_LETTERS = 3
HONEYPOT = "site_web"


def clean_text(value):
    """The text as it will be stored: line breaks unified, invisible characters and NUL removed,
    outer blanks stripped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return INVISIBLE.sub("", value.replace("\x00", "")).strip()


class CleanTextarea(forms.Textarea):
    """Shows the text back without the characters we refuse or remove, so that correcting the
    form never means hunting for an invisible character."""

    def format_value(self, value):
        value = super().format_value(value)
        return clean_text(value) if value else value


class QuestionTextField(forms.CharField):
    default_error_messages = {
        "required": _("Écrivez votre question ou votre témoignage : la case est vide."),
        "null_characters": _(
            "Votre texte contenait un caractère invisible qui ne peut pas être enregistré (un "
            "« caractère nul », souvent dû à un copier-coller). Nous l'avons enlevé : relisez "
            "votre texte et envoyez-le à nouveau."
        ),
        "min_length": _(
            "Votre texte est trop court : écrivez au moins %(limit_value)d caractères "
            "(il en a %(show_value)d). Racontez en quelques mots ce qui se passe."
        ),
        "max_length": _(
            "Votre texte est trop long : %(show_value)d caractères, pour une limite de "
            "%(limit_value)d. Gardez l'essentiel, ou envoyez-le en deux questions."
        ),
        "no_words": _(
            "Écrivez au moins quelques mots pour que le groupe comprenne votre question."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(
            min_length=TEXT_MIN_LENGTH,
            max_length=TEXT_MAX_LENGTH,
            widget=CleanTextarea(attrs={"rows": 8, "spellcheck": "true"}),
            **kwargs,
        )

    def widget_attrs(self, widget):
        # No maxlength attribute: a browser would cut a pasted text silently, the server says
        # how long it is instead.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs.pop("minlength", None)
        return attrs

    def to_python(self, value):
        if value not in self.empty_values and "\x00" in str(value):
            raise ValidationError(self.error_messages["null_characters"], code="null_characters")
        value = super().to_python(value)
        return clean_text(value) if value else value

    def validate(self, value):
        super().validate(value)
        if value and sum(char.isalpha() for char in value) < MIN_LETTERS:
            raise ValidationError(self.error_messages["no_words"], code="no_words")


class ThemeChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Theme.objects.order_by("order", "name"),
            required=False,
            blank=True,
            widget=forms.RadioSelect,
            empty_label=_("Je ne sais pas"),
            error_messages={
                "invalid_choice": _("Ce thème n'existe pas. Choisissez-en un dans la liste.")
            },
            **kwargs,
        )


class QuestionForm(forms.Form):
    """What the person writes, online or on paper: the fields common to both ways of asking."""

    text = QuestionTextField(
        label=_("Votre question ou votre témoignage"),
        help_text=_(
            "Avec vos mots, même avec des fautes : ce n'est pas grave. Entre 10 et 5\u00a0000 "
            "caractères."
        ),
    )
    kind = forms.ChoiceField(
        label=_("C'est plutôt…"),
        choices=Question.Kind.choices,
        initial=Question.Kind.QUESTION,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez « question » ou « témoignage »."),
            "invalid_choice": _("Choisissez « question » ou « témoignage »."),
        },
    )
    theme = ThemeChoiceField(label=_("De quoi ça parle ?"))
    quartier = forms.ModelChoiceField(
        label=_("Votre quartier (facultatif)"),
        queryset=Quartier.objects.with_commune(),
        required=False,
        empty_label=_("Je préfère ne pas le dire"),
        help_text=_("Il aide le groupe de votre quartier à trouver des pistes près de chez vous."),
        error_messages={
            "invalid_choice": _("Ce quartier n'existe pas. Choisissez-en un dans la liste.")
        },
    )
    email = forms.EmailField(
        label=_("Votre e-mail, pour être prévenu de la réponse (facultatif)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "Nous l'utilisons seulement pour vous envoyer votre lien de suivi et vous prévenir. "
            "Il n'est jamais publié."
        ),
        error_messages={
            "invalid": _(
                "Cette adresse e-mail n'est pas complète. Elle ressemble à nom@exemple.fr : "
                "vérifiez l'arobase (@) et le point. Vous pouvez aussi laisser la case vide."
            ),
            "max_length": _("Cette adresse e-mail est trop longue."),
        },
    )
    consent_publication = forms.BooleanField(
        label=_(
            "J'accepte que ma question soit publiée sur le portail, sans mon nom ni rien qui "
            "permette de me reconnaître."
        ),
        required=False,
        help_text=_(
            "Publiée, elle peut aider d'autres personnes dans la même situation. Si vous ne "
            "cochez pas, le groupe vous répond quand même, en privé, sur votre lien de suivi."
        ),
    )
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4().hex)

    def clean_submission_key(self):
        """A key that is not ours is ignored (the question is stored, only not deduplicated)."""
        value = self.cleaned_data["submission_key"]
        try:
            return uuid.UUID(value).hex
        except ValueError:
            return ""

    def question_fields(self):
        data = self.cleaned_data
        return {
            "text": data["text"],
            "submission_key": data["submission_key"] or None,
            "kind": data["kind"],
            "theme": data["theme"],
            "quartier": data["quartier"],
            "email": data["email"],
            "consent_publication": data["consent_publication"],
        }


class AskForm(QuestionForm):
    """Asking online, without an account. The honeypot is a field people never see: a robot
    filling every field gives itself away."""

    site_web = forms.CharField(
        label=_("Ne pas remplir"),
        required=False,
        widget=forms.TextInput(
            attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # While typing (htmx, debounced): « Ces réponses existent peut-être déjà ».
        self.fields["text"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("search:suggestions"),
                "hx-trigger": "input changed delay:800ms",
                "hx-target": "#suggestions",
                "hx-swap": "outerHTML",
                "hx-sync": "this:replace",
            }
        )

    @staticmethod
    def is_robot(data):
        return bool(str(data.get(HONEYPOT, "")).strip())


class EnterForm(QuestionForm):
    """A group member enters a question collected on paper, by phone, at a permanence, during
    the game or an event."""

    origin = forms.ChoiceField(
        label=_("Comment la question a-t-elle été recueillie ?"),
        choices=[c for c in Question.Origin.choices if c[0] != Question.Origin.ONLINE],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Dites comment la question a été recueillie."),
            "invalid_choice": _("Choisissez une des façons proposées."),
        },
    )
    origin_detail = forms.CharField(
        label=_("Précision (facultatif)"),
        required=False,
        max_length=200,
        help_text=_("Par exemple : la fête de quartier de Montreynaud, le 12 juin."),
        error_messages={
            "max_length": _("Écrivez cette précision en moins de 200 caractères."),
        },
    )
    person_agrees = forms.BooleanField(
        label=_("La personne est d'accord pour que sa question soit enregistrée."),
        error_messages={
            "required": _(
                "Sans l'accord de la personne, la question ne peut pas être enregistrée. "
                "Demandez-lui avant de continuer."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("La question ou le témoignage de la personne")
        self.fields["text"].help_text = _(
            "Recopiez-la avec ses mots. Les noms, adresses et numéros de téléphone seront "
            "enlevés avant toute publication."
        )
        self.fields["quartier"].label = _("Son quartier (facultatif)")
        self.fields["email"].label = _("Son e-mail, pour être prévenue de la réponse (facultatif)")
        self.fields["consent_publication"].label = _(
            "La personne accepte que sa question soit publiée sur le portail, sans son nom ni "
            "rien qui permette de la reconnaître."
        )
        self.fields["consent_publication"].help_text = _(
            "Cochez seulement si elle l'a dit. Sinon, le groupe lui répond en privé."
        )

    def question_fields(self):
        fields = super().question_fields()
        fields["origin"] = self.cleaned_data["origin"]
        fields["origin_detail"] = self.cleaned_data["origin_detail"]
        return fields


# --- The list of published questions ------------------------------------------------------------


class QuestionFilterForm(forms.Form):
    """The list's filters and order: a plain GET form, so it works without JavaScript and a
    filtered list can be bookmarked or shared."""

    ORDERS = [("recentes", _("Les plus récentes")), ("moi-aussi", _("Le plus de « moi aussi »"))]
    STATUSES = [
        ("", _("Tous les états")),
        (Question.Status.PUBLISHED, _("En attente d'une piste")),
        (Question.Status.ANSWERED, _("Piste donnée")),
        (Question.Status.RESOLVED, _("Résolue")),
    ]

    theme = theme_filter()
    sujet = subject_filter()
    quartier = quartier_filter()
    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=STATUSES,
        error_messages={"invalid_choice": _("Cet état n'existe pas.")},
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Questions et témoignages")), *Question.Kind.choices],
        error_messages={"invalid_choice": _("Ce type n'existe pas.")},
    )
    ordre = forms.ChoiceField(
        label=_("Ordre"),
        required=False,
        choices=ORDERS,
        error_messages={"invalid_choice": _("Cet ordre n'existe pas.")},
    )

    FILTER_FIELDS = ("theme", "sujet", "quartier", "etat", "type")

    def filter(self, questions):
        """Apply what was understood; a wrong filter is reported and left out."""
        if not self.is_bound:
            return questions.order_by("-created_at", "-id")
        self.is_valid()
        data = self.cleaned_data
        if data.get("theme"):
            questions = questions.filter(theme=data["theme"])
        if data.get("sujet"):
            questions = questions.filter(subject=data["sujet"])
        if data.get("quartier"):
            questions = questions.filter(quartier=data["quartier"])
        if data.get("etat"):
            questions = questions.filter(status=data["etat"])
        if data.get("type"):
            questions = questions.filter(kind=data["type"])
        if data.get("ordre") == "moi-aussi":
            return questions.order_by("-me_too_count", "-created_at", "-id")
        return questions.order_by("-created_at", "-id")

    def selects(self):
        """Each filter with its options [(value, label, selected)], for a plain loop in the
        template: several times faster than the widgets' own templates, on the page readers
        open most."""
        for bound in self:
            current = str(bound.value() or "")
            options = [
                (str(value), label, str(value) == current) for value, label in bound.field.choices
            ]
            yield bound, options

    def is_filtered(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in self.FILTER_FIELDS)


# --- Reports ------------------------------------------------------------------------------------


class ReportReasonForm(forms.Form):
    """Why a reader reports something (a question, a piste, a forum message) and a comment."""

    reason = forms.ChoiceField(
        label=_("Qu'est-ce qui ne va pas ?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez une raison dans la liste."),
            "invalid_choice": _("Choisissez une raison dans la liste."),
        },
    )
    comment = forms.CharField(
        label=_("Précision (facultatif)"),
        required=False,
        max_length=1000,
        widget=CleanTextarea(attrs={"rows": 4}),
        help_text=_("N'écrivez pas de nom ni de numéro de téléphone."),
        error_messages={
            "max_length": _(
                "Votre précision est trop longue : 1 000 caractères au plus (elle en a "
                "%(show_value)d)."
            ),
            "null_characters_not_allowed": _(
                "Votre texte contenait un caractère invisible qui ne peut pas être enregistré."
            ),
        },
    )

    def clean_comment(self):
        return clean_text(self.cleaned_data["comment"])


class ReportForm(ReportReasonForm):
    """A report on a question, or on one of its pistes."""

    piste = forms.ModelChoiceField(
        queryset=None,
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Cette piste n'existe pas.")},
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["piste"].queryset = question.pistes.all()
