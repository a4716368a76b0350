"""The tokens of private links (a question's follow-up, a request's follow-up, a registration,
an invitation…). The database keeps only their hash, so a copy of it opens nothing.

- `new_token()`: a random token, shown once.
- `derived_token(purpose, key)`: the token of the form sent with `key`, computed with the site's
  secret: a form sent twice (a double tap on a slow phone) leads to the same link, and later
  e-mails can carry the link again without the token being stored anywhere. Rotating SECRET_KEY
  ends every derived link.
- `hash_token(token)`: what is stored and looked up.
"""

import base64
import hashlib
import secrets

from django.utils.crypto import salted_hmac


def new_token():
    return secrets.token_urlsafe(24)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def derived_token(purpose, key):
    digest = salted_hmac(purpose, key).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")
