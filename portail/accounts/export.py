"""« Mes données »: everything the portal stores about one person, in one JSON file they can
read, keep or take elsewhere (rights of access and portability).

Each room of the portal adds its section through `register`, the way panels are added (see
portail/core/panels.py): a key of the file, a title and a sentence for the page and the file's
« à_propos », and a function that returns the section for one person. The sections of the rooms
that existed when this was written live in portail/accounts/export_sections.py; a new room may
register its own in its AppConfig.ready().

Rules every section follows:
- start from the person (`user`), never from an id: nothing about anyone else may leak in;
- what the person wrote or chose is given in full (their question as they typed it, their
  letters); what they did on other people's things (moderation, a request they handle) is given
  as numbers and dates only, because the things themselves are about other people;
- keys are French words a reader understands, dates are written in the portal's time zone.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    about: str
    collect: object  # callable(user) -> list | dict | None (None: nothing to say, left out)
    order: int = 50
    concerns: object = None  # callable(user) -> bool; None: every account

    def concerns_user(self, user):
        return self.concerns is None or self.concerns(user)


_SECTIONS = {}


def register(key, title, about, collect, order=50, concerns=None):
    """Add (or replace, by key) a section of the file.

    `concerns(user)` says whether the section can hold anything for that account (the team's
    administration part, say); the page and the file's « à_propos » list only those."""
    _SECTIONS[key] = Section(key, title, about, collect, order, concerns)


def sections(user=None):
    """The sections in the file's order; with `user`, only those that concern that account."""
    found = sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key))
    if user is None:
        return found
    return [section for section in found if section.concerns_user(user)]


def when(value):
    """A date and time as the person reads it on the site (the portal's time zone), or None."""
    if value is None:
        return None
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def personal_data(user):
    """Everything the portal stores about `user`, as a dict ready for json.dumps."""
    data = {"à_propos": _about(user)}
    for section in sections(user):
        value = section.collect(user)
        if value is not None:
            data[section.key] = value
    return data


def personal_data_json(user):
    return json.dumps(personal_data(user), ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)


def _about(user):
    return {
        "ce_fichier": _(
            "Toutes les informations que le %(site)s garde sur votre compte, le %(date)s. "
            "Chaque partie porte un nom en français ; les dates sont écrites année-mois-jour."
        )
        % {"site": settings.SITE_NAME, "date": timezone.localdate().strftime("%d/%m/%Y")},
        "ce_qui_n_y_est_pas": _(
            "Votre mot de passe (nous ne le connaissons pas : il est enregistré sous une forme "
            "illisible). Ce que d'autres personnes ont écrit sur vous ou sur d'autres personnes. "
            "Les réactions « ça m'a aidé », « pas encore » et « moi aussi » : elles ne sont pas "
            "liées à votre compte, nous ne savons pas qui les a données."
        ),
        "parties": {section.key: str(section.about) for section in sections(user)},
        "pour_toute_question": settings.CONTACT_EMAIL,
    }
