"""The one-click link of the forum's e-mails that stops the e-mails of one thread, without
signing in. Signed with the site's secret (django.core.signing), never stored: it names the
person and the thread, nothing else, and only ever stops (or restarts) e-mails — which is why it
does not expire, as people click such links months later. Rotating SECRET_KEY ends every link.
"""

from django.core import signing

SALT = "portail.forum.mute"


class InvalidToken(Exception):
    """The link is damaged or was not made by this site."""


def make_mute_token(user, thread):
    return signing.dumps([user.pk, thread.pk], salt=SALT)


def read_mute_token(token):
    """(user id, thread id) of a genuine link, or InvalidToken."""
    try:
        user_id, thread_id = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError) as exc:
        raise InvalidToken from exc
    if not isinstance(user_id, int) or not isinstance(thread_id, int):
        raise InvalidToken
    return user_id, thread_id
