"""A crawler over the demo, one run per role: from the home page (and Mon espace when signed in)
it follows every internal link a person can see, and checks that no page fails, that no link
leads nowhere, that each page has one title, and that nobody sees another person's e-mail
address. The demo is loaded once per module and rolled back after it."""

import re
import traceback
from collections import Counter, deque
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from portail.core.management.commands.demo import DEMO_ACCOUNTS

ROLES = [None] + [email for email, *_ in DEMO_ACCOUNTS]
# The demo has about 400 to 500 pages per role, 900 for the team with the administration.
MAX_PAGES = 1200
# A path seen with more query strings than this (pages, filters, sorts…) is not followed further.
MAX_QUERY_VARIANTS = 3
FILE_SUFFIXES = (".pdf", ".ics", ".json", ".csv")
OTHER_SCHEMES = ("mailto:", "tel:", "webcal:", "javascript:", "data:", "sms:")
HOST = "testserver"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", force=True, stdout=StringIO())
        # Without a pseudonym, anything that prints a person as `str(user)` would show their
        # e-mail address: the crawl checks that nothing does.
        get_user_model().objects.update(display_name="")
        yield {user.email.lower() for user in get_user_model().objects.all()}
        transaction.set_rollback(True)


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []  # (href, has the download attribute)
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.h1 += 1
        elif tag == "a":
            attrs = dict(attrs)
            if attrs.get("href") is not None:
                self.links.append((attrs["href"].strip(), "download" in attrs))


def internal_url(base, href):
    """The path and query of `href` read on page `base`, or None when it leaves the site."""
    if not href or href.startswith("#") or href.lower().startswith(OTHER_SCHEMES):
        return None
    url = urljoin(f"http://{HOST}{base}", urldefrag(href).url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != HOST:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def is_file(url, download):
    return download or urlsplit(url).path.lower().endswith(FILE_SUFFIXES)


def skipped(url, staff):
    path = urlsplit(url).path
    return path == "/compte/deconnexion/" or (path.startswith("/admin/") and not staff)


def crawl(client, starts, own_email, all_emails, staff):
    """Breadth-first from `starts`; returns how many URLs were requested and what went wrong."""
    others = sorted(all_emails - {own_email})
    email_pattern = re.compile("|".join(re.escape(e) for e in others), re.IGNORECASE)
    failures = []
    seen = set(starts)
    variants = Counter()
    queue = deque((url, None, False) for url in starts)
    pages = 0
    while queue and pages < MAX_PAGES:
        url, referrer, file = queue.popleft()
        pages += 1
        where = f"{url}" + (f" (lien depuis {referrer})" if referrer else "")
        try:
            response = client.get(url)
        except Exception:
            last = traceback.format_exc().strip().splitlines()[-1]
            failures.append(f"500 {where} : {last}")
            continue
        status = response.status_code
        if status >= 400:
            failures.append(f"{status} {where}")
            continue
        if file and status != 200:
            failures.append(f"{status} (fichier) {where}")
        if response.streaming and not file:
            continue
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        # The administration is the team's tool for managing accounts: addresses belong there.
        if not url.startswith("/admin/"):
            leaked = sorted({m.group(0).lower() for m in email_pattern.finditer(text)})
            if leaked:
                failures.append(f"adresse d'autrui {', '.join(leaked)} sur {where}")
        links = []
        if status in (301, 302, 303, 307, 308):
            links.append((response["Location"], False))
        elif status == 200 and not file and "text/html" in response.get("Content-Type", ""):
            parser = LinkParser()
            parser.feed(text)
            if parser.h1 != 1 and not url.startswith("/admin/"):
                failures.append(f"{parser.h1} titres h1 sur {where}")
            links = parser.links
        for href, download in links:
            target = internal_url(url, href)
            if target is None or target in seen or skipped(target, staff):
                continue
            path = urlsplit(target).path
            if path.startswith("/admin/"):
                # Django's own pages: each kind once or twice is enough, not every object.
                target = path
                pattern = re.sub(r"/\d+(?=/)", "/<id>", path)
                if target in seen or variants[pattern] >= 2:
                    continue
                variants[pattern] += 1
            elif "?" in target:
                if variants[path] >= MAX_QUERY_VARIANTS:
                    continue
                variants[path] += 1
            seen.add(target)
            queue.append((target, url, is_file(target, download)))
    return pages, failures


@pytest.mark.django_db
@pytest.mark.parametrize("email", ROLES, ids=lambda email: (email or "anonyme").split("@")[0])
def test_every_link_a_role_can_see_opens_a_sound_page(demo, email):
    client = Client()
    starts = ["/"]
    staff = False
    if email:
        user = get_user_model().objects.get(email__iexact=email)
        client.force_login(user)
        starts.append("/compte/mon-espace/")
        staff = user.is_staff

    pages, failures = crawl(client, starts, (email or "").lower(), demo, staff)

    assert pages > 50, f"le robot n'a parcouru que {pages} pages"
    assert not failures, f"{len(failures)} problèmes en {pages} pages :\n" + "\n".join(failures)
