"""The glossary: the words of rights explained in plain French, with the other names residents
really use for them (caution, proprio, l'APL…)."""

import re
import unicodedata

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portail.places.models import Subject, Theme

DEFINITION_MAX_WORDS = 40


def count_words(text):
    """Words as a reader counts them: « l'état » is one, a lone dash or colon is none."""
    return sum(1 for token in (text or "").split() if re.search(r"\w", token))


def initial_letter(text):
    """The A–Z letter a headword is filed under (« État » under E); numbers under « 0-9 »."""
    for char in unicodedata.normalize("NFKD", text or ""):
        if char.isalpha():
            return char.upper()
        if char.isdigit():
            return "0-9"
    return "0-9"


class TermQuerySet(models.QuerySet):
    def in_theme(self, theme):
        return self.filter(themes=theme)

    def alphabetical(self):
        """Sorted as a French reader expects, accents ignored (done in Python: SQLite and
        PostgreSQL collations disagree on accents)."""
        return sorted(self, key=lambda term: term.sort_key)


@reversion.register()
class Term(models.Model):
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    term = models.CharField(_("mot"), max_length=120)
    aliases = models.JSONField(
        _("autres noms"),
        default=list,
        blank=True,
        help_text=_("Les autres mots que les gens emploient (caution, proprio…), un par élément."),
    )
    definition = models.TextField(
        _("définition"),
        help_text=_("Au plus 40 mots, compréhensible par un enfant de 12 ans."),
    )
    example = models.TextField(_("exemple"), blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thèmes"), related_name="glossary_terms", blank=True
    )
    subjects = models.ManyToManyField(
        Subject, verbose_name=_("sujets"), related_name="glossary_terms", blank=True
    )
    see_also = models.ManyToManyField(
        "self",
        verbose_name=_("voir aussi"),
        symmetrical=False,
        blank=True,
        related_name="seen_from",
    )
    not_to_confuse = models.JSONField(
        _("à ne pas confondre avec"),
        default=list,
        blank=True,
        help_text=_("Liste de {« terme » : …, « explication » : …}."),
    )
    sources = models.JSONField(_("sources"), default=list, blank=True)
    verified_on = models.DateField(_("vérifiée le"), null=True, blank=True)
    verified_by = models.CharField(_("vérifiée par"), max_length=120, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["term"]
        verbose_name = _("mot du glossaire")
        verbose_name_plural = _("mots du glossaire")

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("glossary:term", args=[self.slug])

    @property
    def letter(self):
        return initial_letter(self.term)

    @property
    def sort_key(self):
        text = unicodedata.normalize("NFKD", self.term.casefold())
        return "".join(char for char in text if not unicodedata.combining(char))

    def clean(self):
        super().clean()
        errors = {}
        words = count_words(self.definition)
        if words > DEFINITION_MAX_WORDS:
            errors["definition"] = ngettext(
                "La définition fait %(count)d mot : %(max)d au plus.",
                "La définition fait %(count)d mots : %(max)d au plus.",
                words,
            ) % {"count": words, "max": DEFINITION_MAX_WORDS}
        if not isinstance(self.aliases, list) or not all(
            isinstance(alias, str) and alias.strip() for alias in self.aliases
        ):
            errors["aliases"] = _("Les autres noms doivent être une liste de mots non vides.")
        if not isinstance(self.sources, list) or not all(
            isinstance(source, str) for source in self.sources
        ):
            errors["sources"] = _("Les sources doivent être une liste de textes.")
        if not isinstance(self.not_to_confuse, list) or not all(
            isinstance(item, dict)
            and isinstance(item.get("terme"), str)
            and isinstance(item.get("explication"), str)
            for item in self.not_to_confuse
        ):
            errors["not_to_confuse"] = _(
                "Chaque élément doit avoir un « terme » et une « explication »."
            )
        if errors:
            raise ValidationError(errors)
