"""A model letter's parts written in its content file: the fields a person fills in and the body,
a Django template that uses them. Both are checked when the file is loaded or edited in the admin,
so a broken letter never reaches a resident."""

import keyword
import re
from dataclasses import dataclass, field
from datetime import date

from django.template import Context, Engine, TemplateSyntaxError
from django.template.defaultfilters import date as date_filter
from django.template.defaulttags import DebugNode, URLNode
from django.template.loader_tags import ExtendsNode, IncludeNode
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

FIELD_TYPES = ("texte", "texte_long", "date", "montant", "choix", "case")

# Added to every letter by the application (sender, recipient, place and date of writing).
STANDARD_FIELDS = (
    "nom_expediteur",
    "adresse_expediteur",
    "nom_destinataire",
    "adresse_destinataire",
    "adresse_logement",
    "ville",
    "date_lettre",
)

_KEYS = {"nom", "label", "type", "obligatoire", "aide", "passe", "choix"}
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")

# Only the built-in tags and filters: no {% load %}; no file to include; and no tag that would
# print the context or reach outside the letter.
_ENGINE = Engine(libraries={}, loaders=[], string_if_invalid="")
_FORBIDDEN_NODES = [
    (IncludeNode, "include"),
    (ExtendsNode, "extends"),
    (DebugNode, "debug"),
    (URLNode, "url"),
]


def field_definition_errors(definitions):
    """The French messages of everything wrong in a letter's list of field definitions."""
    if not isinstance(definitions, list):
        return ["les champs doivent être une liste ([[champs]])."]
    errors = []
    seen = set()
    for position, definition in enumerate(definitions, start=1):
        where = f"champ n° {position}"
        if not isinstance(definition, dict):
            errors.append(f"{where} : ce n'est pas une table [[champs]].")
            continue
        name = definition.get("nom")
        if isinstance(name, str) and name:
            where = f"champ « {name} »"
        unknown = sorted(set(definition) - _KEYS)
        if unknown:
            errors.append(f"{where} : clé(s) inconnue(s) : {', '.join(unknown)}.")
        if not isinstance(name, str) or not _NAME.match(name) or keyword.iskeyword(name):
            errors.append(
                f"{where} : « nom » doit être un identifiant (lettres minuscules sans accent, "
                f"chiffres et _), pas {name!r}."
            )
        elif name in STANDARD_FIELDS:
            errors.append(f"{where} : « {name} » est ajouté automatiquement, ne le définissez pas.")
        elif name in seen:
            errors.append(f"{where} : ce nom est déjà utilisé par un autre champ.")
        seen.add(name)
        if not isinstance(definition.get("label"), str) or not definition["label"].strip():
            errors.append(f"{where} : « label » est obligatoire.")
        kind = definition.get("type")
        if kind not in FIELD_TYPES:
            errors.append(
                f"{where} : « type » doit être l'un de {', '.join(FIELD_TYPES)}, pas {kind!r}."
            )
        for flag in ("obligatoire", "passe"):
            if flag in definition and not isinstance(definition[flag], bool):
                errors.append(f"{where} : « {flag} » doit valoir true ou false, sans guillemets.")
        if "aide" in definition and not isinstance(definition["aide"], str):
            errors.append(f"{where} : « aide » doit être un texte.")
        if "passe" in definition and kind != "date":
            errors.append(f"{where} : « passe » ne s'applique qu'aux champs de type date.")
        if kind == "choix":
            errors.extend(_choice_errors(definition.get("choix"), where))
        elif "choix" in definition:
            errors.append(f"{where} : « choix » ne s'applique qu'aux champs de type choix.")
    return errors


def _choice_errors(options, where):
    if not isinstance(options, list) or not options:
        return [f"{where} : un champ de type choix doit avoir une liste « choix » non vide."]
    errors = []
    values = set()
    for option in options:
        if (
            not isinstance(option, dict)
            or set(option) != {"valeur", "libelle"}
            or not all(isinstance(option[key], str) and option[key].strip() for key in option)
        ):
            errors.append(
                f"{where} : chaque choix doit avoir « valeur » et « libelle » ({option!r})."
            )
            continue
        if option["valeur"] in values:
            errors.append(f"{where} : la valeur « {option['valeur']} » est en double.")
        values.add(option["valeur"])
    return errors


def compile_body(body):
    """The body as a template; TemplateSyntaxError with Django's message if it does not compile."""
    return _ENGINE.from_string(body)


def body_error(body):
    """A French message if the body does not compile, else None."""
    if not isinstance(body, str) or not body.strip():
        return "le texte de la lettre est vide."
    try:
        template = compile_body(body)
    except TemplateSyntaxError as exc:
        return f"le texte de la lettre ne se compile pas : {exc}"
    for node_type, tag in _FORBIDDEN_NODES:
        if template.nodelist.get_nodes_by_type(node_type):
            return f"le texte de la lettre ne peut pas utiliser {{% {tag} %}}."
    return None


def french_date(value):
    """« 1er mars 2026 », « 24 novembre 2026 »."""
    with translation.override("fr"):
        text = date_filter(value, "j F Y")
    return f"1er{text[1:]}" if value.day == 1 else text


@dataclass
class ComposedLetter:
    """A letter filled in: what the preview, the PDF and the text file all show."""

    title: str
    sender_name: str
    sender_address: str
    recipient_name: str
    recipient_address: str
    place: str
    date: date
    subject_line: str
    sending: str
    paragraphs: list = field(default_factory=list)  # HTML-escaped text of each paragraph
    text_paragraphs: list = field(default_factory=list)  # the same, as plain text

    @property
    def place_and_date(self):
        return _("À %(place)s, le %(date)s") % {
            "place": self.place,
            "date": french_date(self.date),
        }

    @property
    def html_paragraphs(self):
        """Each paragraph as safe HTML: what people typed is escaped, their line breaks kept."""
        return [mark_safe(p.replace("\n", "<br>")) for p in self.paragraphs]  # noqa: S308

    def as_text(self):
        blocks = [
            f"{self.sender_name}\n{self.sender_address}",
            f"{self.recipient_name}\n{self.recipient_address}",
            self.place_and_date,
        ]
        if self.sending:
            blocks.append(self.sending)
        blocks.append(_("Objet : %(subject)s") % {"subject": self.subject_line})
        blocks.extend(self.text_paragraphs)
        blocks.append(self.sender_name)
        return "\n\n".join(blocks) + "\n"


_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_FIRST_DAY = re.compile(rf"\b1 ({_MONTHS})\b")


def _paragraphs(text):
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")) if p.strip()]


def render_body(body, values, autoescape=True):
    """The paragraphs of the body rendered with `values` (escaped unless autoescape=False)."""
    template = compile_body(body)
    with translation.override("fr"):
        text = template.render(Context(values, autoescape=autoescape))
    # « le 1 septembre » → « le 1er septembre », as French writes the first day of a month.
    return _paragraphs(_FIRST_DAY.sub(r"1er \1", text))


def compose(letter, values):
    """The ComposedLetter of `letter` for the cleaned `values` of its form."""
    return ComposedLetter(
        title=letter.title,
        sender_name=values["nom_expediteur"],
        sender_address=values["adresse_expediteur"],
        recipient_name=values["nom_destinataire"],
        recipient_address=values["adresse_destinataire"],
        place=values["ville"],
        date=values["date_lettre"],
        subject_line=letter.subject_line,
        sending=letter.sending,
        paragraphs=render_body(letter.body, values, autoescape=True),
        text_paragraphs=render_body(letter.body, values, autoescape=False),
    )
