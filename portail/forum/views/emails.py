"""Stopping (and restarting) the e-mails of new replies: for one thread, from its page (signed
in) or from the link of the e-mail (no sign-in: the signed link names the person); for the
whole forum, from the same link or from Mon espace.

The link's page asks before it acts (GET shows the buttons, only POST changes anything): mail
scanners open every link of an e-mail, and must not stop anyone's e-mails.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.accounts.models import User
from portail.forum.models import ForumMute, ForumThread
from portail.forum.tokens import InvalidToken, read_mute_token
from portail.forum.views.common import noindex


def _apply(user, thread, action):
    """Carry out the button `action`; returns the message that says what changed, or None for
    a button this page does not know."""
    if action == "arreter" and thread is not None:
        ForumMute.mute(user, thread)
        return _("C'est noté : vous ne recevrez plus d'e-mail pour cette discussion.")
    if action == "reprendre" and thread is not None:
        ForumMute.unmute(user, thread)
        return _(
            "C'est noté : vous recevrez de nouveau un e-mail quand une réponse est publiée "
            "dans cette discussion."
        )
    if action == "arreter-tout":
        ForumMute.mute(user)
        return _(
            "C'est noté : vous ne recevrez plus aucun e-mail quand quelqu'un répond sur le forum."
        )
    if action == "reprendre-tout":
        ForumMute.unmute(user)
        return _(
            "C'est noté : vous recevrez de nouveau un e-mail quand quelqu'un répond dans une "
            "discussion où vous avez écrit."
        )
    return None


UNKNOWN_BUTTON = _("Ce bouton n'est pas reconnu. Réessayez depuis la page.")


@login_required
@never_cache
@require_POST
def thread_emails(request, theme_slug, pk):
    """The button of a thread's page."""
    thread = get_object_or_404(ForumThread.objects.public(), pk=pk)
    done = _apply(request.user, thread, request.POST.get("action"))
    if done:
        messages.success(request, done)
    else:
        messages.error(request, UNKNOWN_BUTTON)
    return redirect(f"{thread.get_absolute_url()}#e-mails")


@login_required
@never_cache
@require_POST
def email_settings(request):
    """The forum-wide button of Mon espace."""
    done = _apply(request.user, None, request.POST.get("action"))
    if done:
        messages.success(request, done)
    else:
        messages.error(request, UNKNOWN_BUTTON)
    return redirect(f"{reverse('accounts:espace')}#mon-forum")


def _invalid_link(request, status):
    return noindex(TemplateResponse(request, "forum/emails_invalid.html", status=status))


@never_cache
def mute_link(request, token):
    try:
        user_id, thread_id = read_mute_token(token)
    except InvalidToken:
        return _invalid_link(request, 400)
    user = User.objects.filter(pk=user_id).first()
    thread = ForumThread.objects.filter(pk=thread_id, group__isnull=True).first()
    if user is None or thread is None:
        return _invalid_link(request, 404)
    status = 200
    if request.method == "POST":
        done = _apply(user, thread, request.POST.get("action"))
        if done:
            messages.success(request, done)
            return redirect(request.path)
        messages.error(request, UNKNOWN_BUTTON)
        status = 400
    context = {
        "thread": thread,
        "muted": ForumMute.is_muted(user, thread),
        "muted_everywhere": ForumMute.is_muted_everywhere(user),
    }
    return noindex(TemplateResponse(request, "forum/emails.html", context, status=status))
