"""Background tasks shared by every room of the portal. E-mail leaves the request through here."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import Context, loader
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email(subject, body, to, html_body=None, reply_to=None):
    """Send one e-mail. Runs in the worker; a failure is recorded on the task result and logged."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to or []),
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    sent = message.send()
    logger.info("e-mail envoyé", extra={"subject": subject, "recipients": len(message.to)})
    return sent


def render_text(template_name, context):
    """Render a plain-text template without HTML escaping: in an e-mail, « l'accès » must not
    arrive as « l&#x27;accès »."""
    template = loader.get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def send_templated_email(template_prefix, context, to, reply_to=None):
    """Render `<prefix>_subject.txt` and `<prefix>.txt` and queue the e-mail once the current
    transaction commits (no mail for a change that was rolled back)."""
    subject = " ".join(render_text(f"{template_prefix}_subject.txt", context).split())
    body = render_text(f"{template_prefix}.txt", context)
    recipients = [to] if isinstance(to, str) else list(to)
    transaction.on_commit(
        lambda: send_email.enqueue(subject=subject, body=body, to=recipients, reply_to=reply_to)
    )
