"""The e-mails that tell the author of a public forum message what became of it: published (with
the link), or not published (with the reason). Private messages are never moderated, so they
never send anything: no private word leaves the group by e-mail.

Links are built from SITE_URL: the e-mail is written for the background worker, which has no
request to read a host from."""

from django.conf import settings
from django.urls import reverse

from portail.core.tasks import send_templated_email


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
