"""The theme, subject and quartier choices of the portal's filter forms (questions, inventory,
agenda, network…): one definition, so that every list says the same thing in the same words."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portail.places.models import Quartier, Subject, Theme

UNKNOWN = {
    "theme": _("Ce thème n'existe pas : choisissez dans la liste."),
    "subject": _("Ce sujet n'existe pas : choisissez dans la liste."),
    "quartier": _("Ce quartier n'existe pas : choisissez dans la liste."),
}


def theme_filter(label=None, to_field_name="slug"):
    """Optional theme choice, « Tous les thèmes » when empty. In a URL: the theme's slug."""
    return forms.ModelChoiceField(
        label=label or _("Thème"),
        required=False,
        queryset=Theme.objects.order_by("order", "name"),
        to_field_name=to_field_name,
        empty_label=_("Tous les thèmes"),
        error_messages={"invalid_choice": UNKNOWN["theme"]},
    )


def subject_filter(label=None, to_field_name="key"):
    return forms.ModelChoiceField(
        label=label or _("Sujet"),
        required=False,
        queryset=Subject.objects.select_related("theme").order_by("theme__order", "title"),
        to_field_name=to_field_name,
        empty_label=_("Tous les sujets"),
        error_messages={"invalid_choice": UNKNOWN["subject"]},
    )


def quartier_filter(label=None, to_field_name="slug"):
    return forms.ModelChoiceField(
        label=label or _("Quartier"),
        required=False,
        queryset=Quartier.objects.with_commune(),
        to_field_name=to_field_name,
        empty_label=_("Tous les quartiers"),
        error_messages={"invalid_choice": UNKNOWN["quartier"]},
    )
