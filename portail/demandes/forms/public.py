"""The public forms: one per kind of request, filled by the person or, by a group member, on
their behalf. Every message is plain French and a refused form keeps what the person wrote.

The text field, the invisible-character cleaning, the honeypot and the submission key are those
of the questions' form (portail/questions/forms/public.py)."""

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portail.demandes.models import Demande
from portail.directory.models import Organisation
from portail.places.models import Quartier
from portail.questions.forms.public import (
    HONEYPOT,
    AskForm,
    QuestionTextField,
    clean_text,
)

PHONE_CHARACTERS = re.compile(r"^[0-9+().\-\s]+$")
MIN_PHONE_DIGITS = 10
MAX_PHONE_DIGITS = 15


class SummaryField(QuestionTextField):
    default_error_messages = {
        "required": _("Expliquez votre demande en quelques mots : la case est vide."),
        "min_length": _(
            "Votre texte est trop court : écrivez au moins %(limit_value)d caractères "
            "(il en a %(show_value)d)."
        ),
        "max_length": _(
            "Votre texte est trop long : %(show_value)d caractères, pour une limite de "
            "%(limit_value)d. Gardez l'essentiel : vous pourrez en dire plus de vive voix."
        ),
        "no_words": _("Écrivez au moins quelques mots pour que le groupe comprenne la demande."),
    }


class ShortTextField(forms.CharField):
    """One line of free text, cleaned of invisible characters."""

    def __init__(self, *, max_length, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"max_length": _("Ce texte est trop long : %(limit_value)d caractères au plus.")},
        )
        kwargs["error_messages"].setdefault(
            "null_characters_not_allowed",
            _("Ce texte contenait un caractère invisible qui ne peut pas être enregistré."),
        )
        super().__init__(max_length=max_length, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value) if value else value


def clean_phone(value):
    """A French or international number, written as people write it. Stored as typed (spaces
    kept), so that whoever calls back reads it easily."""
    value = " ".join(value.split())
    if not value:
        return ""
    digits = sum(char.isdigit() for char in value)
    if not PHONE_CHARACTERS.match(value) or not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
        raise ValidationError(
            _(
                "Ce numéro de téléphone n'est pas complet : écrivez ses 10 chiffres, par exemple "
                "06 12 34 56 78. Vous pouvez aussi laisser la case vide et donner un e-mail."
            ),
            code="invalid_phone",
        )
    return value


class DemandeForm(forms.Form):
    """The fields every kind of request shares. `on_behalf` turns the words to « la personne »
    and asks the member to confirm that the person agrees."""

    kind = None  # set by each form below
    summary_label = _("Votre demande")
    summary_help = _("Avec vos mots, même avec des fautes : ce n'est pas grave.")
    kind_fields = ()

    summary = SummaryField(label=_("Votre demande"))
    quartier = forms.ModelChoiceField(
        label=_("Votre quartier (facultatif)"),
        queryset=Quartier.objects.with_commune(),
        required=False,
        empty_label=_("Je préfère ne pas le dire"),
        help_text=_("Il aide à confier la demande au groupe le plus proche."),
        error_messages={
            "invalid_choice": _("Ce quartier n'existe pas. Choisissez-en un dans la liste.")
        },
    )
    contact_name = ShortTextField(
        label=_("Votre nom ou un pseudonyme"),
        max_length=100,
        help_text=_("Le prénom suffit. C'est le nom que le groupe utilisera en vous appelant."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Donnez un nom ou un pseudonyme, pour que le groupe sache qui appeler."),
            "max_length": _("Ce nom est trop long : 100 caractères au plus."),
        },
    )
    contact_email = forms.EmailField(
        label=_("Votre e-mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _(
                "Cette adresse e-mail n'est pas complète. Elle ressemble à nom@exemple.fr : "
                "vérifiez l'arobase (@) et le point."
            ),
            "max_length": _("Cette adresse e-mail est trop longue."),
        },
    )
    contact_phone = ShortTextField(
        label=_("Votre téléphone"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
        error_messages={"max_length": _("Ce numéro est trop long.")},
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que le groupe me recontacte pour cette demande, et qu'il garde ces "
            "informations le temps de la traiter."
        ),
        help_text=_(
            "Seules les personnes chargées de votre demande voient vos coordonnées. Elles sont "
            "effacées après la fin de la demande (voir la page « Confidentialité »)."
        ),
        error_messages={
            "required": _(
                "Cochez la case pour que le groupe puisse vous recontacter. Sans votre accord, "
                "nous ne pouvons pas enregistrer la demande."
            )
        },
    )
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    site_web = forms.CharField(
        label=_("Ne pas remplir"),
        required=False,
        widget=forms.TextInput(
            attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        ),
    )

    is_robot = staticmethod(AskForm.is_robot)
    honeypot = HONEYPOT

    def __init__(self, *args, on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.on_behalf = on_behalf
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4().hex)
        summary = self.fields["summary"]
        summary.label, summary.help_text = self.summary_label, self.summary_help
        if on_behalf:
            self._speak_of_the_person()
        self.order_fields([*self.kind_fields, "summary", "quartier"])

    def _speak_of_the_person(self):
        fields = self.fields
        fields["contact_name"].label = _("Son nom ou un pseudonyme")
        fields["contact_name"].help_text = _("Le prénom suffit.")
        fields["contact_email"].label = _("Son e-mail")
        fields["contact_phone"].label = _("Son téléphone")
        fields["quartier"].label = _("Son quartier (facultatif)")
        fields["consent"].label = _(
            "La personne est d'accord pour être recontactée pour cette demande, et pour que "
            "ces informations soient gardées le temps de la traiter."
        )
        fields["consent"].help_text = _("Cochez seulement si elle vous l'a dit.")
        fields["consent"].error_messages["required"] = _(
            "Sans l'accord de la personne, la demande ne peut pas être enregistrée. "
            "Demandez-lui avant de continuer."
        )

    def clean_contact_phone(self):
        return clean_phone(self.cleaned_data["contact_phone"])

    def clean_submission_key(self):
        """A key that is not ours gets a fresh one (the request is stored, only not
        deduplicated)."""
        value = self.cleaned_data["submission_key"]
        try:
            return uuid.UUID(value).hex
        except ValueError:
            return uuid.uuid4().hex

    def clean(self):
        data = super().clean()
        checked = "contact_email" not in self.errors and "contact_phone" not in self.errors
        if checked and not data.get("contact_email") and not data.get("contact_phone"):
            message = (
                _("Donnez un moyen de joindre la personne : un e-mail ou un numéro de téléphone.")
                if self.on_behalf
                else _(
                    "Donnez au moins un moyen de vous joindre : un e-mail ou un numéro de "
                    "téléphone. Sans cela, le groupe ne pourra pas vous répondre."
                )
            )
            self.add_error("contact_email", message)
        return data

    def demande_fields(self):
        data = self.cleaned_data
        fields = {
            "kind": self.kind,
            "submission_key": data["submission_key"],
            "summary": data["summary"],
            "quartier": data["quartier"],
            "contact_name": data["contact_name"],
            "contact_email": data["contact_email"],
            "contact_phone": data["contact_phone"],
            "contact_consent": data["consent"],
        }
        for name in self.kind_fields:
            fields[name] = data[name]
        return fields


class AccompanimentForm(DemandeForm):
    kind = Demande.Kind.ACCOMPANIMENT
    summary_label = _("Qu'est-ce qui se passe, et de quelle aide avez-vous besoin ?")
    summary_help = _(
        "Par exemple : être accompagnée à un rendez-vous, comprendre un courrier du bailleur, "
        "monter un dossier. Avec vos mots, même avec des fautes."
    )


class BuildingForm(DemandeForm):
    kind = Demande.Kind.BUILDING
    kind_fields = ("address", "landlord", "landlord_name", "households")
    summary_label = _("Les problèmes de l'immeuble")
    summary_help = _(
        "Par exemple : l'ascenseur en panne, de l'humidité dans plusieurs logements, des "
        "charges trop chères. Avec vos mots."
    )

    address = ShortTextField(
        label=_("L'adresse de l'immeuble"),
        max_length=240,
        help_text=_(
            "Le numéro et la rue, et la commune. Par exemple : 12 rue des Lilas, Saint-Étienne."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        error_messages={
            "required": _("Écrivez l'adresse de l'immeuble, pour que le groupe sache où venir."),
            "max_length": _("Cette adresse est trop longue : 240 caractères au plus."),
        },
    )
    landlord = forms.ModelChoiceField(
        label=_("Le bailleur (le propriétaire de l'immeuble)"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.SOCIAL_LANDLORD).order_by(
            "name"
        ),
        required=False,
        empty_label=_("Un autre, ou je ne sais pas"),
        help_text=_("Choisissez dans la liste. S'il n'y est pas, écrivez son nom en dessous."),
        error_messages={
            "invalid_choice": _("Ce bailleur n'est pas dans la liste. Écrivez son nom en dessous.")
        },
    )
    landlord_name = ShortTextField(
        label=_("Ou le nom du bailleur (facultatif)"),
        required=False,
        max_length=160,
        error_messages={"max_length": _("Ce nom est trop long : 160 caractères au plus.")},
    )
    households = forms.IntegerField(
        label=_("Combien de foyers habitent l'immeuble ? (facultatif)"),
        required=False,
        min_value=1,
        max_value=5000,
        help_text=_("À peu près, c'est bien. Un foyer, c'est un logement."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Écrivez un nombre en chiffres, par exemple 24."),
            "min_value": _("Écrivez un nombre de foyers d'au moins 1."),
            "max_value": _("Ce nombre semble trop grand : %(limit_value)s foyers au plus."),
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("landlord"):
            data["landlord_name"] = ""
        return data


class InterventionForm(DemandeForm):
    kind = Demande.Kind.INTERVENTION
    kind_fields = ("group_type", "place", "wished_dates")
    summary_label = _("Ce que votre groupe souhaite")
    summary_help = _(
        "Par exemple : que le Groupe Logement vienne présenter le jeu de l'oie, parler des "
        "droits des locataires, répondre aux questions de votre groupe."
    )

    group_type = forms.ChoiceField(
        label=_("Quel groupe êtes-vous ?"),
        choices=Demande.GroupType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez le type de groupe dans la liste."),
            "invalid_choice": _("Choisissez le type de groupe dans la liste."),
        },
    )
    place = ShortTextField(
        label=_("Dans quelle commune ou quel quartier ?"),
        max_length=160,
        error_messages={
            "required": _("Écrivez la commune ou le quartier où le groupe se réunit."),
            "max_length": _("Ce texte est trop long : 160 caractères au plus."),
        },
    )
    wished_dates = ShortTextField(
        label=_("Quelles dates vous conviendraient ? (facultatif)"),
        required=False,
        max_length=300,
        help_text=_("Par exemple : un mardi après-midi en mars, ou « à partir de septembre »."),
        error_messages={"max_length": _("Ce texte est trop long : 300 caractères au plus.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].label = (
            _("Son nom ou un pseudonyme")
            if self.on_behalf
            else _("Votre nom ou un pseudonyme (la personne à contacter)")
        )


class OtherForm(DemandeForm):
    kind = Demande.Kind.OTHER
    summary_help = _("Dites ce que vous attendez du groupe, avec vos mots, même avec des fautes.")


FORMS = {
    Demande.Kind.ACCOMPANIMENT: AccompanimentForm,
    Demande.Kind.BUILDING: BuildingForm,
    Demande.Kind.INTERVENTION: InterventionForm,
    Demande.Kind.OTHER: OtherForm,
}
