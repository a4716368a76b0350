"""The search index: one denormalised row per public thing a person can find (a glossary
word, a fiche, a model letter, a published question with its pistes, an organisation, a
public group, a published public forum discussion with its published replies), kept up to date
by signals (signals.py) and rebuilt by `manage.py rebuild_search_index`.

The engines index this table: SQLite through three FTS5 tables (knowledge base, questions,
forum discussions) over the `*_index` columns (stems, see text.py), PostgreSQL through a
`search_vector` column (french configuration over the unaccented title, keywords and body).
Triggers keep them in step; they are created by migrations 0002 and 0003, each on its own
database only.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    GLOSSARY = "glossaire", _("mot du glossaire")
    FICHE = "fiche", _("fiche piste")
    LETTER = "lettre", _("modèle de lettre")
    QUESTION = "question", _("question déjà posée")
    ORGANISATION = "organisation", _("organisation")
    GROUP = "groupe", _("groupe")
    FORUM = "forum", _("discussion du forum")


# What the residents wrote (many documents, their own words) is apart from the knowledge base:
# it never feeds the vocabulary, the spelling corrections nor the subjects' evidence.
RESIDENT_KINDS = (Kind.QUESTION, Kind.FORUM)
KNOWLEDGE_KINDS = tuple(kind for kind in Kind.values if kind not in RESIDENT_KINDS)


class SearchDocumentQuerySet(models.QuerySet):
    def knowledge(self):
        """Everything but the residents' questions: what the vocabulary is made of."""
        return self.filter(kind__in=KNOWLEDGE_KINDS)

    def vocabulary_documents(self, documents=None):
        """The knowledge documents (or `documents`) as the vocabulary reads them."""
        from portail.search.vocabulary import VocabularyDocument

        for document in self.knowledge() if documents is None else documents:
            yield VocabularyDocument(
                key=document.slug,
                kind=document.kind,
                title=document.title,
                names=[document.term, *document.aliases] if document.term else [],
                body=f"{document.keywords}\n{document.body}",
                subjects=list(document.subjects),
            )


class SearchDocument(models.Model):
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("identifiant de l'objet"))
    slug = models.CharField(_("identifiant lisible"), max_length=160, blank=True)
    title = models.CharField(_("titre"), max_length=300)
    keywords = models.TextField(_("mots-clés"), blank=True)
    body = models.TextField(_("texte"), blank=True)
    summary = models.TextField(
        _("en bref"), blank=True, help_text=_("Ce qu'un résultat montre sous son titre.")
    )
    url = models.CharField(_("adresse"), max_length=300)
    subject_key = models.CharField(
        _("sujet"),
        max_length=60,
        blank=True,
        help_text=_("Le sujet d'une fiche ou d'une question ; vide pour le reste."),
    )
    subjects = models.JSONField(_("sujets liés"), default=list, blank=True)
    term = models.CharField(_("mot du glossaire"), max_length=200, blank=True)
    aliases = models.JSONField(_("autres noms"), default=list, blank=True)
    related_terms = models.JSONField(_("mots à connaître"), default=list, blank=True)
    boost = models.FloatField(_("coup de pouce"), default=1.0)
    # Nullable without a default: SQLite adds the column in place instead of rebuilding the
    # table, which would drop the FTS triggers.
    details = models.JSONField(
        _("précisions"),
        null=True,
        blank=True,
        help_text=_(
            "Ce que la page de résultats montre en plus (thème et réponses d'une discussion)."
        ),
    )
    # What SQLite's FTS5 table indexes: folded stems (text.stems), title_plain is the folded
    # title for PostgreSQL's trigram similarity.
    title_index = models.TextField(editable=False, blank=True)
    keywords_index = models.TextField(editable=False, blank=True)
    body_index = models.TextField(editable=False, blank=True)
    title_plain = models.CharField(max_length=300, editable=False, blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document de recherche")
        verbose_name_plural = _("documents de recherche")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]
        indexes = [
            models.Index(fields=["kind", "updated_at"], name="search_kind_updated"),
            models.Index(
                fields=["kind", "subject_key"],
                name="search_kind_subject",
                condition=~Q(kind="question"),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.title}"
