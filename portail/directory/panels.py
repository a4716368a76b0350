"""What the directory shows on other rooms' pages (see portail/core/panels.py): the matching
organisations in a fiche's « À qui s'adresser », on screen and on paper, and, in Mon espace,
the organisations a partner account speaks for."""

from django.conf import settings
from django.db.models.functions import Lower

from portail.directory.models import Organisation


def fiche_contacts(request, fiche):
    same_subject, same_theme, theme_total = Organisation.objects.for_fiche(fiche)
    if not same_subject and not same_theme:
        return None
    return {
        "same_subject": same_subject,
        "same_theme": same_theme,
        "theme_total": theme_total,
        "theme": fiche.subject.theme,
        "site_url": settings.SITE_URL,
    }


def partner_organisations(request):
    user = request.user
    if not user.is_authenticated:
        return None
    organisations = list(
        Organisation.objects.filter(memberships__user=user).order_by(Lower("name"))
    )
    if not organisations:
        return None
    return {"partner_organisations": organisations}
