"""The directory's forms: the filters of /reseau/ (GET, no JavaScript needed) and the page an
organisation's partner accounts use to keep its information up to date."""

import re
from itertools import groupby

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from portail.directory.models import Organisation
from portail.places.models import Quartier, Subject, Theme
from portail.questions.forms.public import CleanTextarea, clean_text


class OrganisationFilterForm(forms.Form):
    """The directory's filters: a plain GET form, so it works without JavaScript and the
    filtered page can be bookmarked or shared. Subjects are grouped by theme and quartiers by
    commune, as the person knows them."""

    type = forms.ChoiceField(
        label=_("Type d'organisation"),
        required=False,
        choices=[("", _("Tous les types")), *Organisation.Kind.choices],
        error_messages={
            "invalid_choice": _("Ce type n'existe pas. Choisissez-en un dans la liste.")
        },
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous les thèmes"),
        error_messages={
            "invalid_choice": _("Ce thème n'existe pas. Choisissez-en un dans la liste.")
        },
    )
    sujet = forms.ChoiceField(
        label=_("Sujet"),
        required=False,
        error_messages={
            "invalid_choice": _("Ce sujet n'existe pas. Choisissez-en un dans la liste.")
        },
    )
    quartier = forms.ChoiceField(
        label=_("Quartier"),
        required=False,
        help_text=_("Les organisations du quartier, et celles qui reçoivent tout le monde."),
        error_messages={
            "invalid_choice": _("Ce quartier n'existe pas. Choisissez-en un dans la liste.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        subjects = Subject.objects.select_related("theme").order_by(
            "theme__order", "theme__name", "title"
        )
        self.subjects = {subject.key: subject for subject in subjects}
        self.fields["sujet"].choices = [
            ("", _("Tous les sujets")),
            *[
                (theme.name, [(s.key, s.title) for s in items])
                for theme, items in groupby(subjects, key=lambda s: s.theme)
            ],
        ]
        quartiers = Quartier.objects.with_commune()
        self.quartiers = {quartier.slug: quartier for quartier in quartiers}
        self.fields["quartier"].choices = [
            ("", _("Tous les quartiers")),
            *[
                (commune.name, [(q.slug, q.name) for q in items])
                for commune, items in groupby(quartiers, key=lambda q: q.commune)
            ],
        ]

    def clean_sujet(self):
        return self.subjects.get(self.cleaned_data["sujet"])

    def clean_quartier(self):
        return self.quartiers.get(self.cleaned_data["quartier"])

    def filter(self, organisations):
        """Apply the filters that were understood; a wrong one is reported and left out."""
        if not self.is_bound:
            return organisations
        self.is_valid()
        data = self.cleaned_data
        return (
            organisations.of_kind(data.get("type"))
            .in_theme(data.get("theme"))
            .on_subject(data.get("sujet"))
            .serving(data.get("quartier"))
        )

    def active_filters(self):
        """(parameter, label, value shown) of each filter in use, to offer removing it."""
        if not self.is_bound:
            return []
        self.is_valid()
        data = self.cleaned_data
        shown = []
        if data.get("type"):
            shown.append(("type", self.fields["type"].label, Organisation.Kind(data["type"]).label))
        for name in ("theme", "sujet", "quartier"):
            value = data.get(name)
            if value:
                shown.append((name, self.fields[name].label, str(value)))
        return shown


PHONE = re.compile(r"^\+?[0-9][0-9 .()-]*$")
# Long texts: enough for a real page, not for a pasted document.
TEXT_LIMITS = {"summary": 2000, "services": 2000, "opening_hours": 600, "accessibility_notes": 1000}
TOO_LONG = _(
    "Ce texte est trop long : %(show_value)d caractères, pour une limite de %(limit_value)d."
)


class TextArea(CleanTextarea):
    def __init__(self, rows=4):
        super().__init__(attrs={"rows": rows})


class OrganisationForm(forms.ModelForm):
    """What a partner account (or the team) may change. The name, the type and the page's web
    address stay with the team (administration): they are how people find it."""

    website = forms.URLField(
        label=_("Site internet"),
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": _(
                "Cette adresse de site n'est pas valide (exemple : https://www.association.fr)."
            )
        },
    )

    class Meta:
        model = Organisation
        fields = [
            "summary",
            "services",
            "themes",
            "subjects",
            "quartiers",
            "address",
            "opening_hours",
            "phone",
            "email",
            "website",
            "step_free_access",
            "languages",
            "accessibility_notes",
        ]
        widgets = {
            "summary": TextArea(rows=6),
            "services": TextArea(rows=5),
            "opening_hours": TextArea(rows=4),
            "accessibility_notes": TextArea(rows=3),
            "themes": forms.CheckboxSelectMultiple,
            "subjects": forms.CheckboxSelectMultiple,
            "quartiers": forms.CheckboxSelectMultiple,
            "step_free_access": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }
        labels = {
            "summary": _("Ce que vous faites, et pour qui"),
            "services": _("Services proposés"),
            "themes": _("Thèmes"),
            "subjects": _("Sujets sur lesquels vous pouvez aider"),
            "quartiers": _("Quartiers où vous recevez les habitants"),
            "address": _("Adresse"),
            "opening_hours": _("Horaires d'accueil"),
            "phone": _("Téléphone"),
            "email": _("E-mail"),
            "step_free_access": _("Peut-on entrer sans marche (fauteuil, poussette) ?"),
            "languages": _("Langues parlées à l'accueil"),
            "accessibility_notes": _("Accessibilité : autres informations"),
        }
        help_texts = {
            "summary": _("En quelques phrases simples."),
            "opening_hours": _(
                "Par exemple : « Lundi et jeudi, 9 h – 12 h ; sans rendez-vous le mardi "
                "après-midi ». Laissez vide si vous ne savez pas : le portail dira d'appeler "
                "avant de venir."
            ),
            "quartiers": _("Ne cochez rien si vous recevez les habitants de tous les quartiers."),
            "address": _("L'adresse où l'on est reçu, avec le code postal et la ville."),
        }
        error_messages = {
            "summary": {"required": _("Dites en quelques mots ce que fait l'organisation.")},
            "email": {
                "invalid": _(
                    "Cette adresse e-mail n'est pas complète (exemple : accueil@association.fr)."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs["inputmode"] = "url"
        self.fields["subjects"].queryset = Subject.objects.select_related("theme").order_by(
            "theme__order", "theme__name", "title"
        )
        self.fields["quartiers"].queryset = Quartier.objects.with_commune()
        # Shown under their commune's name: « Beaulieu », not « Beaulieu (Saint-Étienne) ».
        self.fields["quartiers"].label_from_instance = lambda quartier: quartier.name
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = TOO_LONG
        for name, limit in TEXT_LIMITS.items():
            # Checked by the server only: a browser would cut a paste without a word.
            self.fields[name].validators.append(MaxLengthValidator(limit, message=TOO_LONG))

    def _clean_text(self, name):
        value = self.cleaned_data.get(name) or ""
        return clean_text(value)

    def clean_summary(self):
        return self._clean_text("summary")

    def clean_services(self):
        return self._clean_text("services")

    def clean_opening_hours(self):
        return self._clean_text("opening_hours")

    def clean_accessibility_notes(self):
        return self._clean_text("accessibility_notes")

    def clean_address(self):
        return " ".join(self._clean_text("address").split())

    def clean_languages(self):
        return " ".join(self._clean_text("languages").split())

    def clean_phone(self):
        phone = " ".join(self._clean_text("phone").split())
        if phone and (not PHONE.match(phone) or sum(c.isdigit() for c in phone) < 3):
            raise forms.ValidationError(
                _(
                    "Ce numéro n'est pas valide : écrivez seulement des chiffres, par exemple "
                    "04 77 00 00 00."
                )
            )
        return phone

    def subject_groups(self):
        """The subjects' checkboxes, grouped by theme: (theme, [checkbox, …])."""
        return self._grouped("subjects", lambda subject: subject.theme.name)

    def quartier_groups(self):
        """The quartiers' checkboxes, grouped by commune: (commune, [checkbox, …])."""
        return self._grouped("quartiers", lambda quartier: quartier.commune.name)

    def _grouped(self, name, key):
        boxes = list(self[name])
        return [
            (group, list(items))
            for group, items in groupby(boxes, key=lambda box: key(box.data["value"].instance))
        ]
