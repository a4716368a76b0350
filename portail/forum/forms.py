"""Forms of the forum: writing (a thread, a reply), accepting the charter, reporting a message,
and the moderators' and facilitators' decisions. A refused form always keeps what was typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portail.forum.models import TEXT_MAX_LENGTH, TEXT_MIN_LENGTH, TITLE_MAX_LENGTH
from portail.questions.forms.public import CleanTextarea, ReportReasonForm, clean_text
from portail.questions.forms.team import REASON_MAX_LENGTH, TeamTextField

MIN_LETTERS = 2


class MessageField(forms.CharField):
    default_error_messages = {
        "required": _("Écrivez votre message : la case est vide."),
        "min_length": _("Votre message est trop court : écrivez au moins quelques mots."),
        "max_length": _(
            "Votre message est trop long : %(show_value)d caractères, pour une limite de "
            "%(limit_value)d. Gardez l'essentiel, ou écrivez-le en deux messages."
        ),
        "no_words": _("Écrivez au moins quelques mots."),
    }

    def __init__(self, *, max_length=TEXT_MAX_LENGTH, **kwargs):
        kwargs.setdefault("widget", CleanTextarea(attrs={"rows": 8, "spellcheck": "true"}))
        super().__init__(min_length=TEXT_MIN_LENGTH, max_length=max_length, **kwargs)

    def widget_attrs(self, widget):
        # The server says how long the text is: a browser would cut a paste silently.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs.pop("minlength", None)
        return attrs

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\x00", "")
        value = super().to_python(value)
        return clean_text(value) if value else value

    def validate(self, value):
        super().validate(value)
        if value and sum(char.isalpha() for char in value) < MIN_LETTERS:
            raise ValidationError(self.error_messages["no_words"], code="no_words")


class TitleField(MessageField):
    default_error_messages = {
        "required": _("Donnez un titre à la discussion : la case est vide."),
        "max_length": _(
            "Le titre est trop long : %(show_value)d caractères, pour une limite de "
            "%(limit_value)d. Gardez l'essentiel : le message dira le reste."
        ),
        "min_length": _("Le titre est trop court : écrivez au moins quelques mots."),
        "no_words": _("Le titre doit contenir au moins quelques mots."),
    }

    def __init__(self, **kwargs):
        super().__init__(
            max_length=TITLE_MAX_LENGTH,
            widget=forms.TextInput(attrs={"autocomplete": "off"}),
            **kwargs,
        )

    def to_python(self, value):
        value = super().to_python(value)
        # A title is one line.
        return " ".join(value.split()) if value else value


class ReplyForm(forms.Form):
    text = MessageField(
        label=_("Votre réponse"),
        help_text=_("Avec vos mots. N'écrivez pas de nom, d'adresse ni de numéro de téléphone."),
    )


class ThreadForm(forms.Form):
    title = TitleField(
        label=_("Le titre de la discussion"),
        help_text=_("En quelques mots, de quoi voulez-vous parler ?"),
    )
    text = MessageField(
        label=_("Votre message"),
        help_text=_(
            "Racontez avec vos mots, même avec des fautes. N'écrivez pas de nom, d'adresse ni "
            "de numéro de téléphone : nous les enlèverons de toute façon avant publication."
        ),
    )


class PrivateThreadForm(ThreadForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _(
            "Seuls les membres du groupe le liront. Si vous écrivez un nom, une adresse ou un "
            "numéro, nous vous proposerons de les masquer avant l'envoi."
        )


class PrivateReplyForm(ReplyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _(
            "Seuls les membres du groupe la liront. Si vous écrivez un nom, une adresse ou un "
            "numéro, nous vous proposerons de les masquer avant l'envoi."
        )


class CharterForm(forms.Form):
    accept = forms.BooleanField(
        label=_("J'ai lu la charte et je m'engage à la respecter."),
        error_messages={
            "required": _(
                "Pour entrer dans le groupe de parole, cochez la case qui dit que vous acceptez "
                "la charte."
            )
        },
    )


# A report on a forum message: the same reasons and comment as for a question.
ReportForm = ReportReasonForm


# --- Moderators and facilitators ------------------------------------------------------------


class ApproveForm(forms.Form):
    """Publish the masked text, as the moderator corrected it. The title only for an opening
    message."""

    title = TeamTextField(
        label=_("Titre qui sera publié"),
        max_length=TITLE_MAX_LENGTH + 60,
        required_message=_("Le titre est vide : écrivez au moins quelques mots."),
        widget=forms.TextInput(),
    )
    texte = TeamTextField(
        label=_("Texte qui sera publié"),
        help_text=_(
            "Les données personnelles repérées sont déjà remplacées. Relisez, enlevez ce qui "
            "permettrait encore de reconnaître quelqu'un, puis publiez."
        ),
        max_length=TEXT_MAX_LENGTH,
        required_message=_("Le texte à publier est vide : écrivez au moins quelques mots."),
    )

    def __init__(self, *args, with_title, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_title:
            del self.fields["title"]


class RejectForm(forms.Form):
    motif = TeamTextField(
        label=_("Motif du refus"),
        help_text=_(
            "Écrit pour la personne : elle le lira dans son espace et le recevra par e-mail. "
            "Restez simple et bienveillant."
        ),
        max_length=REASON_MAX_LENGTH,
        required_message=_("Donnez le motif du refus : la personne a le droit de savoir pourquoi."),
        widget=CleanTextarea(attrs={"rows": 3}),
    )


class HideForm(forms.Form):
    motif = TeamTextField(
        label=_("Pourquoi masquer ce message ?"),
        help_text=_("Noté dans le journal. La personne qui l'a écrit le verra dans son espace."),
        max_length=REASON_MAX_LENGTH,
        required_message=_("Dites pourquoi le message est masqué."),
        widget=CleanTextarea(attrs={"rows": 2}),
    )
