"""Fiches pistes: for each subject, what the law says, what a person can do step by step and who
can help, in plain French, with the sources and the date they were last checked."""

import html

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from portail.core.markdown import render_markdown

FALC_MAX_SENTENCES = 5


class FicheQuerySet(models.QuerySet):
    def by_theme(self):
        return self.select_related("subject__theme").order_by(
            "subject__theme__order", "subject__theme__name", "title"
        )

    def for_page(self):
        return self.select_related("subject__theme", "letter").prefetch_related(
            "organisations", "terms"
        )


@reversion.register()
class Fiche(models.Model):
    subject = models.OneToOneField(
        "places.Subject", verbose_name=_("sujet"), on_delete=models.PROTECT, related_name="fiche"
    )
    slug = models.SlugField(
        _("identifiant"), max_length=60, unique=True, help_text=_("La clé du sujet.")
    )
    title = models.CharField(_("titre"), max_length=200)
    summary_falc = models.JSONField(
        _("en bref (facile à lire)"),
        default=list,
        help_text=_("Au plus 5 phrases courtes, une idée par phrase."),
    )
    rights_md = models.TextField(_("vos droits (Markdown)"))
    steps_md = models.TextField(_("ce que vous pouvez faire (Markdown, liste numérotée)"))
    contacts_md = models.TextField(_("à qui s'adresser (Markdown)"))
    terms = models.ManyToManyField(
        "glossary.Term", verbose_name=_("mots à connaître"), related_name="fiches", blank=True
    )
    organisations = models.ManyToManyField(
        "directory.Organisation",
        verbose_name=_("organisations"),
        related_name="fiches",
        blank=True,
    )
    letter = models.ForeignKey(
        "letters.Letter",
        verbose_name=_("modèle de lettre"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fiches",
    )
    sources = models.JSONField(_("sources"), default=list)
    verified_on = models.DateField(_("vérifiée le"))
    verified_by = models.CharField(_("vérifiée par"), max_length=120)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = FicheQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("fiche piste")
        verbose_name_plural = _("fiches pistes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("fiches:detail", args=[self.slug])

    def clean(self):
        errors = {}
        summary = self.summary_falc
        if not isinstance(summary, list) or not all(
            isinstance(sentence, str) and sentence.strip() for sentence in summary
        ):
            errors["summary_falc"] = _("« En bref » doit être une liste de phrases non vides.")
        elif not summary or len(summary) > FALC_MAX_SENTENCES:
            errors["summary_falc"] = _("« En bref » a de 1 à 5 phrases courtes.")
        if not isinstance(self.sources, list) or not all(
            isinstance(item, dict) and isinstance(item.get("texte"), str) and item["texte"]
            for item in self.sources
        ):
            errors["sources"] = _("Chaque source a un « texte » (et une « url » si possible).")
        if self.subject_id and self.slug and self.slug != self.subject.key:
            errors["slug"] = _("L'identifiant doit être la clé du sujet (%(key)s).") % {
                "key": self.subject.key
            }
        if errors:
            raise ValidationError(errors)

    @property
    def first_sentence(self):
        return self.summary_falc[0] if self.summary_falc else ""

    @cached_property
    def rights_html(self):
        return render_markdown(self.rights_md)

    @cached_property
    def steps_html(self):
        return render_markdown(self.steps_md)

    @cached_property
    def contacts_html(self):
        return render_markdown(self.contacts_md)

    def full_text(self):
        """Everything the fiche says, as plain text without Markdown marks (for checks and
        search): « **un mois** de loyer » reads « un mois de loyer »."""
        sections = [self.rights_html, self.steps_html, self.contacts_html]
        plain = [html.unescape(strip_tags(section)) for section in sections]
        return "\n\n".join([self.title, *self.summary_falc, *plain])
