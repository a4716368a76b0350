"""The forum's e-mails:
- to the author of a public message, what became of it: published (with the link), or not
  published (with the reason);
- to the people who take part in a public thread, that a new reply is published there: the
  thread's title and the link, never the reply's text (it is read on the portal, masked and
  moderated), and a one-click link to stop the e-mails of that thread.

Private messages are never moderated and send nothing but one e-mail: when a member reports a
message of a groupe de parole, its facilitators are told that a report waits, with the group's
and the thread's names and the link, never the message's text nor who reported it (both stay
behind the group's door, on the portal).

Links are built from SITE_URL: the e-mail is written for the background worker, which has no
request to read a host from."""

from django.conf import settings
from django.urls import reverse

from portail.accounts.models import User
from portail.core.tasks import send_templated_email
from portail.forum.models import ForumMute
from portail.forum.tokens import make_mute_token


def _context(post, **extra):
    return {
        "post": post,
        "thread": post.thread,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "contact_email": settings.CONTACT_EMAIL,
        "espace_url": f"{settings.SITE_URL}{reverse('accounts:espace')}",
        **extra,
    }


def _recipient(post):
    author = post.author
    if author is None or not author.is_active or post.is_private:
        return None
    return author.email


def notify_published(post):
    to = _recipient(post)
    if to is None:
        return False
    url = f"{settings.SITE_URL}{post.get_absolute_url()}"
    send_templated_email("forum/email/publie", _context(post, url=url), to)
    return True


def notify_rejected(post):
    to = _recipient(post)
    if to is None:
        return False
    send_templated_email("forum/email/refus", _context(post), to)
    return True


def reply_recipients(post):
    """Who is told of the published reply `post`: the thread's participants (see
    `ForumThread.participant_ids`) but its author, with an active account and a confirmed
    address, who did not mute the thread or the forum. Nobody for an opening message, a
    message not published, or anything in a groupe de parole."""
    thread = post.thread
    if post.is_opening or thread.is_private or not post.is_published or not thread.is_published:
        return User.objects.none()
    ids = thread.participant_ids() - {post.author_id}
    return (
        User.objects.filter(pk__in=ids, is_active=True, email_confirmed_at__isnull=False)
        .exclude(pk__in=ForumMute.objects.covering(thread).values("user_id"))
        .order_by("pk")
    )


def mute_url(user, thread):
    token = make_mute_token(user, thread)
    return f"{settings.SITE_URL}{reverse('forum:mute_link', args=[token])}"


def report_recipients(report):
    """The facilitators of the reported message's group, active and with a confirmed address,
    but the person who reported (they know)."""
    group = report.post.thread.group
    return (
        group.facilitators()
        .filter(email_confirmed_at__isnull=False)
        .exclude(pk=report.reporter_id)
        .order_by("pk")
    )


def notify_facilitators(report):
    """One e-mail to each facilitator of the group; returns how many."""
    thread = report.post.thread
    space_url = reverse("forum:space", args=[thread.group.slug])
    # Never the thread's title: inside a groupe de parole it is often personal, and a copy of
    # each e-mail waits in the task queue, which the team can read.
    context = {
        "group_name": thread.group.name,
        "url": f"{settings.SITE_URL}{space_url}#signalements",
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
    recipients = [user.email for user in report_recipients(report)]
    for email in recipients:
        send_templated_email("forum/email/signalement_groupe", context, email)
    return len(recipients)


def notify_participants(post):
    """One e-mail to each person to tell; returns how many."""
    recipients = list(reply_recipients(post))
    url = f"{settings.SITE_URL}{post.get_absolute_url()}"
    for user in recipients:
        context = _context(post, url=url, mute_url=mute_url(user, post.thread))
        send_templated_email("forum/email/nouvelle_reponse", context, user.email)
    return len(recipients)
