"""Once an organisation's information has gone a year without being confirmed, its partner
accounts are asked by e-mail to check it: one click on « Tout est à jour », or a correction.
Asked again every 30 days while it stays unconfirmed; confirming or editing stops it."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from portail.core.tasks import send_templated_email
from portail.directory.models import REMIND_EVERY, Organisation


def ask_for_confirmation(now):
    """The periodic job. Returns how many organisations were asked."""
    asked = 0
    for organisation in Organisation.objects.due_for_confirmation(now):
        with transaction.atomic():
            # Claimed by one update, so two runs at the same time never both write.
            claimed = (
                Organisation.objects.filter(pk=organisation.pk)
                .filter(
                    Q(confirmation_requested_at__isnull=True)
                    | Q(confirmation_requested_at__lte=now - REMIND_EVERY)
                )
                .update(confirmation_requested_at=now)
            )
            if not claimed:
                continue
            _write_to_partners(organisation)
        asked += 1
    return asked


def _write_to_partners(organisation):
    """One e-mail per person: nobody sees another's address."""
    members = organisation.memberships.select_related("user").filter(user__is_active=True)
    context = {
        "organisation": organisation,
        "confirm_url": settings.SITE_URL + reverse("directory:confirm", args=[organisation.slug]),
        "edit_url": settings.SITE_URL + reverse("directory:edit", args=[organisation.slug]),
        "page_url": settings.SITE_URL + organisation.get_absolute_url(),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "contact_email": settings.CONTACT_EMAIL,
    }
    for member in members:
        send_templated_email("directory/email/confirmation", context, member.user.email)
