"""The form of a model letter: built from the letter's field definitions, plus the sender, the
recipient, the home, the place and the date that every letter has. Dates and amounts are typed
the French way and checked with plain messages; what was typed always stays in the form."""

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

MAX_AMOUNT = Decimal("1000000")
SHORT_TEXT = 300
LONG_TEXT = 4000
ADDRESS = 400

REQUIRED = _("Cette information est nécessaire pour écrire la lettre.")
REQUIRED_CHOICE = _("Choisissez une réponse.")
REQUIRED_BOX = _("Cochez cette case pour continuer.")


def format_amount(value):
    """Decimal('1200.5') → « 1 200,50 € »."""
    whole, cents = f"{value:.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{' '.join(groups)},{cents} €"


def parse_amount(text):
    """« 1 200,50 », « 1200.50 », « 450 € » → Decimal. ValidationError in plain French."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    cleaned = re.sub(r"(€|euros?|eur)$", "", cleaned, flags=re.I)
    if cleaned.startswith("-"):
        raise ValidationError(_("Le montant ne peut pas être négatif."), code="negative")
    if not re.fullmatch(r"\d[\d.,]*", cleaned or "x"):
        raise ValidationError(
            _("Écrivez un montant en chiffres, par exemple 450 ou 1 200,50."), code="invalid"
        )
    if "," in cleaned and "." in cleaned:
        # « 1.200,50 » or « 1,200.50 »: the last sign separates the cents.
        decimal_sign = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_sign == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal_sign, ".")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    else:
        cleaned = cleaned.replace(",", ".")
    if cleaned.count(".") > 1 or cleaned.endswith("."):
        raise ValidationError(
            _("Écrivez un montant en chiffres, par exemple 450 ou 1 200,50."), code="invalid"
        )
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValidationError(
            _("Écrivez un montant en chiffres, par exemple 450 ou 1 200,50."), code="invalid"
        ) from exc
    if amount.as_tuple().exponent < -2:
        raise ValidationError(
            _("Écrivez au plus deux chiffres après la virgule (les centimes)."), code="cents"
        )
    if amount > MAX_AMOUNT:
        raise ValidationError(
            _("Ce montant paraît trop grand : vérifiez-le (au plus 1 000 000 €)."), code="too_big"
        )
    return amount


class AmountField(forms.CharField):
    """An amount in euros; cleaned to its French writing, « 1 200,50 € », or "" when empty."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean(self, value):
        text = super().clean(value)
        if text in self.empty_values:
            return ""
        return format_amount(parse_amount(text))


_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text):
    """« 15/03/2025 », « 15-3-25 », « 2025-03-15 » → date. ValidationError in plain French."""
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.match(text):
        day, month, year = (int(part) for part in match.groups())
        if year < 100:
            current = timezone.localdate().year % 100
            year += 2000 if year <= current + 1 else 1900
    else:
        raise ValidationError(
            _("Écrivez la date en chiffres : le jour, le mois, l'année, par exemple 15/03/2025."),
            code="invalid",
        )
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValidationError(
            _("Cette date n'existe pas : vérifiez le jour et le mois."), code="impossible"
        ) from exc


class FrenchDateField(forms.CharField):
    """A date typed day first. `past`: not after today. `earliest`/`latest`: days around today
    outside of which a date is surely a typing mistake."""

    def __init__(self, past=False, earliest=365 * 100, latest=365 * 10, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.past, self.earliest, self.latest = past, earliest, latest
        self.widget.attrs.update({"autocomplete": "off", "size": 12})

    def clean(self, value):
        text = super().clean(value)
        if text in self.empty_values:
            return None
        value = parse_date(text)
        today = timezone.localdate()
        if self.past and value > today:
            raise ValidationError(
                _("Cette date est dans le futur. Écrivez une date passée, ou celle d'aujourd'hui."),
                code="future",
            )
        if value < today - timedelta(days=self.earliest):
            raise ValidationError(
                _("Cette date paraît trop ancienne : vérifiez l'année."), code="too_old"
            )
        if value > today + timedelta(days=self.latest):
            raise ValidationError(
                _("Cette date paraît trop lointaine : vérifiez l'année."), code="too_far"
            )
        return value


def format_date(value):
    return value.strftime("%d/%m/%Y")


DATE_HELP = _("Le jour, le mois, l'année, par exemple 15/03/2025.")

RECIPIENT_HELP = {
    "bailleur": _(
        "Votre propriétaire, son agence ou votre bailleur social : le nom écrit sur "
        "votre bail ou sur l'avis d'échéance."
    ),
    "caf": _("Par exemple : CAF de la Loire."),
    "commission": _(
        "Par exemple : Commission départementale de conciliation de la Loire. "
        "L'ADIL peut vous donner son adresse."
    ),
    "mairie": _("Par exemple : Mairie de Saint-Étienne, service d'hygiène."),
    "fsl": _(
        "Par exemple : Fonds de solidarité pour le logement, Département de la Loire. "
        "Votre travailleur social peut vous donner l'adresse."
    ),
    "autre": _("Le nom de la personne ou du service à qui vous écrivez."),
}


class LetterForm(forms.Form):
    """The form of one Letter. Sections, in the order a person fills them, are in `sections`."""

    def __init__(self, letter, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("initial", {"date_lettre": format_date(timezone.localdate())})
        super().__init__(*args, **kwargs)
        self.letter = letter
        self.fields.update(self._sender_fields())
        self.fields.update(self._recipient_fields(letter.recipient_kind))
        self.letter_field_names = []
        for definition in letter.fields:
            self.fields[definition["nom"]] = self._letter_field(definition)
            self.letter_field_names.append(definition["nom"])
        self.fields["ville"] = forms.CharField(
            label=_("Ville où vous écrivez la lettre"),
            max_length=120,
            error_messages={"required": REQUIRED},
            widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
            help_text=_("Par exemple : Saint-Étienne."),
        )
        self.fields["date_lettre"] = FrenchDateField(
            label=_("Date de la lettre"),
            # The day it is sent: a few days before or after today, not an old or far date.
            earliest=365,
            latest=90,
            error_messages={"required": REQUIRED},
            help_text=format_lazy("{} {}", _("Le jour où vous l'envoyez."), DATE_HELP),
        )

    @staticmethod
    def _sender_fields():
        return {
            "nom_expediteur": forms.CharField(
                label=_("Votre prénom et votre nom"),
                max_length=150,
                error_messages={"required": REQUIRED},
                widget=forms.TextInput(attrs={"autocomplete": "name"}),
            ),
            "adresse_expediteur": forms.CharField(
                label=_("Votre adresse"),
                max_length=ADDRESS,
                error_messages={"required": REQUIRED},
                widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
                help_text=_(
                    "Le numéro, la rue, le code postal et la ville, sur plusieurs lignes "
                    "si vous voulez."
                ),
            ),
        }

    @staticmethod
    def _recipient_fields(kind):
        return {
            "nom_destinataire": forms.CharField(
                label=_("À qui vous écrivez"),
                max_length=200,
                error_messages={"required": REQUIRED},
                help_text=RECIPIENT_HELP.get(kind, RECIPIENT_HELP["autre"]),
            ),
            "adresse_destinataire": forms.CharField(
                label=_("Son adresse"),
                max_length=ADDRESS,
                error_messages={"required": REQUIRED},
                widget=forms.Textarea(attrs={"rows": 3}),
            ),
            "adresse_logement": forms.CharField(
                label=_("L'adresse du logement loué"),
                max_length=ADDRESS,
                error_messages={"required": REQUIRED},
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_(
                    "Souvent la même que la vôtre. Si vous êtes déjà parti, l'adresse du "
                    "logement que vous louiez."
                ),
            ),
        }

    @staticmethod
    def _letter_field(definition):
        kind = definition["type"]
        required = definition.get("obligatoire", False)
        common = {
            "label": definition["label"],
            "required": required,
            "help_text": definition.get("aide", ""),
        }
        if kind == "texte":
            return forms.CharField(
                max_length=SHORT_TEXT, error_messages={"required": REQUIRED}, **common
            )
        if kind == "texte_long":
            return forms.CharField(
                max_length=LONG_TEXT,
                widget=forms.Textarea(attrs={"rows": 5}),
                error_messages={"required": REQUIRED},
                **common,
            )
        if kind == "date":
            return FrenchDateField(
                past=definition.get("passe", False),
                error_messages={"required": REQUIRED},
                help_text=format_lazy("{} {}", common.pop("help_text"), DATE_HELP).strip(),
                **common,
            )
        if kind == "montant":
            return AmountField(error_messages={"required": REQUIRED}, **common)
        if kind == "choix":
            choices = [(option["valeur"], option["libelle"]) for option in definition["choix"]]
            if not required:
                # Radio buttons cannot be unticked without JavaScript: a way back to no answer.
                choices.append(("", _("Je ne précise pas")))
            return forms.ChoiceField(
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": REQUIRED_CHOICE,
                    "invalid_choice": _("Choisissez une des réponses proposées."),
                },
                **common,
            )
        return forms.BooleanField(error_messages={"required": REQUIRED_BOX}, **common)

    @property
    def sections(self):
        """[(title, [bound fields])] in the order a person fills them."""
        sections = [
            (_("Vous"), ["nom_expediteur", "adresse_expediteur"]),
            (_("Le destinataire"), ["nom_destinataire", "adresse_destinataire"]),
            (_("Votre situation"), ["adresse_logement", *self.letter_field_names]),
            (_("Le lieu et la date"), ["ville", "date_lettre"]),
        ]
        return [(title, [self[name] for name in names]) for title, names in sections]

    def typed_values(self):
        """What the person typed, as strings, to carry in hidden fields or keep in their space.
        Only for a valid form: the values it was validated with."""
        values = {}
        for name, field in self.fields.items():
            if isinstance(field, forms.BooleanField):
                values[name] = "on" if self.cleaned_data.get(name) else ""
            else:
                values[name] = self.data.get(self.add_prefix(name), "")
        return values

    def is_choice(self, name):
        return isinstance(self.fields[name].widget, forms.RadioSelect)

    def is_box(self, name):
        return isinstance(self.fields[name], forms.BooleanField)
