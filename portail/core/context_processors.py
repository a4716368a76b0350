from django.conf import settings

from portail.core.preferences import read_preferences


def portail(request):
    return {
        "site_name": settings.SITE_NAME,
        "contact_email": settings.CONTACT_EMAIL,
        "prefs": read_preferences(request),
    }
