"""The agenda's views: what everyone sees and does (public.py), what the organisers do
(manage.py), and the files (calendars, poster: files.py)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from portail.events.models import Event


def visible_event(request, slug):
    """The event of this slug if this person may see it; a private event is a 404 to others,
    as if it did not exist."""
    event = get_object_or_404(
        Event.objects.select_related("quartier__commune", "created_by"), slug=slug
    )
    if not event.is_visible_to(request.user):
        raise Http404
    return event
