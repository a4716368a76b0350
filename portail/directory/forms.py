from django import forms
from django.utils.translation import gettext_lazy as _

from portail.directory.models import Organisation
from portail.places.models import Theme


class OrganisationFilterForm(forms.Form):
    """The directory's filters: a plain GET form, so it works without JavaScript and the
    filtered page can be bookmarked or shared."""

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

    def filter(self, organisations):
        """Apply the filters that were understood; a wrong one is reported and left out."""
        if not self.is_bound:
            return organisations
        self.is_valid()
        return organisations.of_kind(self.cleaned_data.get("type")).in_theme(
            self.cleaned_data.get("theme")
        )
