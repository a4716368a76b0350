"""Keeps the search index in step: every save or deletion of an indexed object (or of what its
document is made of: a question's pistes, a term's subjects, a fiche's words, a subject's
description, a forum thread's messages, a theme's name) updates its document in the same
transaction. A forum thread is indexed again whenever one of its messages changes: published,
hidden, refused, edited or deleted."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from portail.search import index


def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    source = index.source_for(sender)
    if source is not None:
        index.update_object(source, instance.pk)


def _deleted(sender, instance, **kwargs):
    source = index.source_for(sender)
    if source is not None:
        index.remove_object(source, instance.pk)


def _piste_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    index.update_object(index.SOURCE_OF_KIND[index.Kind.QUESTION], instance.question_id)


def _forum_post_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    index.update_object(index.SOURCE_OF_KIND[index.Kind.FORUM], instance.thread_id)


def _theme_saved(sender, instance, raw=False, **kwargs):
    """A theme's name is shown with its discussions, its slug is in their address."""
    if raw:
        return
    threads = index.SOURCE_OF_KIND[index.Kind.FORUM]
    public = threads.model_class()._default_manager.public()
    for pk in public.filter(theme=instance).values_list("pk", flat=True):
        index.update_object(threads, pk)


def _subject_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    fiches = index.SOURCE_OF_KIND[index.Kind.FICHE]
    for pk in (
        fiches.model_class()._default_manager.filter(subject=instance).values_list("pk", flat=True)
    ):
        index.update_object(fiches, pk)


def _relations_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A many-to-many change: both sides are indexed again when they are indexed at all (a
    fiche's organisations change the fiche and the organisations)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    source = index.source_for(type(instance))
    if source is not None:
        index.update_object(source, instance.pk)
    other = index.source_for(model)
    if other is not None:
        for pk in pk_set or ():
            index.update_object(other, pk)


# The many-to-many relations a document is made of: (model, field name).
_RELATIONS = [
    ("glossary.Term", "subjects"),
    ("glossary.Term", "see_also"),
    ("fiches.Fiche", "terms"),
    ("fiches.Fiche", "organisations"),
    ("letters.Letter", "subjects"),
]


def connect():
    for source in index.SOURCES:
        model = source.model_class()
        uid = f"search-{source.kind}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
    piste = apps.get_model("questions.Piste")
    post_save.connect(_piste_changed, sender=piste, dispatch_uid="search-piste-save")
    post_delete.connect(_piste_changed, sender=piste, dispatch_uid="search-piste-delete")
    post = apps.get_model("forum.ForumPost")
    post_save.connect(_forum_post_changed, sender=post, dispatch_uid="search-forum-post-save")
    post_delete.connect(_forum_post_changed, sender=post, dispatch_uid="search-forum-post-delete")
    post_save.connect(
        _theme_saved, sender=apps.get_model("places.Theme"), dispatch_uid="search-theme"
    )
    post_save.connect(
        _subject_saved, sender=apps.get_model("places.Subject"), dispatch_uid="search-subject"
    )
    for label, name in _RELATIONS:
        through = getattr(apps.get_model(label), name).through
        m2m_changed.connect(
            _relations_changed, sender=through, dispatch_uid=f"search-{label}-{name}"
        )
