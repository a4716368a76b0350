"""Small helpers shared by the account tests."""

import html
import re
from urllib.parse import urlparse

from django.core import mail

_LINK = re.compile(r"https?://\S+")


def links_in(message):
    return _LINK.findall(message.body)


def path_of_link(message, fragment):
    """The path of the first link in the e-mail whose URL contains `fragment`."""
    for link in links_in(message):
        if fragment in link:
            return urlparse(link).path
    raise AssertionError(f"Aucun lien contenant {fragment!r} dans : {message.body}")


def only_mail_to(address):
    messages = [m for m in mail.outbox if address in m.to]
    assert len(messages) == 1, [m.subject for m in mail.outbox]
    return messages[0]


def section_ids(response):
    return set(re.findall(r'id="(role-[a-z]+)"', response.content.decode()))


def page_text(response):
    """The page with HTML entities decoded, to look for French sentences with apostrophes."""
    return html.unescape(response.content.decode())


def without_csrf_tokens(content):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content)
