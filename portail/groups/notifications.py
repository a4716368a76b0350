"""E-mails of the groups room: a join request reaches the group's facilitators, the decision
reaches the person who asked, a proposed partnership reaches the other group's facilitators.

One e-mail per person, so that nobody sees another's address. Links are built from SITE_URL:
the e-mails are written for the background worker, which has no request to read a host from."""

from django.conf import settings
from django.urls import reverse

from portail.core.tasks import send_templated_email


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


def _context(**extra):
    return {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **extra}


def _write_to_facilitators(group, prefix, **extra):
    recipients = [user.email for user in group.facilitators() if user.email]
    manage_url = _absolute(reverse("groups:manage", args=[group.slug]))
    for email in recipients:
        send_templated_email(prefix, _context(group=group, manage_url=manage_url, **extra), email)
    return len(recipients)


def notify_join_request(join_request):
    return _write_to_facilitators(
        join_request.group, "groups/email/demande", join_request=join_request
    )


def notify_join_decision(join_request):
    if not join_request.user.email:
        return 0
    prefix = (
        "groups/email/demande_acceptee"
        if join_request.status == join_request.Status.ACCEPTED
        else "groups/email/demande_refusee"
    )
    send_templated_email(
        prefix,
        _context(
            join_request=join_request,
            group=join_request.group,
            group_url=_absolute(join_request.group.get_absolute_url()),
            groups_url=_absolute(reverse("groups:list")),
        ),
        join_request.user.email,
    )
    return 1


def notify_link_proposed(link):
    return _write_to_facilitators(link.to_group, "groups/email/lien_propose", link=link)
