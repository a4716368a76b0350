"""Keeps the auto-linking index in step with the glossary (see autolink.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portail.glossary import autolink
from portail.glossary.models import Term


@receiver(post_save, sender=Term, dispatch_uid="glossary-index-save")
@receiver(post_delete, sender=Term, dispatch_uid="glossary-index-delete")
def _glossary_changed(sender, **kwargs):
    autolink.invalidate()
