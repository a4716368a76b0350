"""The visitor's address, for rate limits and lockouts, one rule for both.

Behind N trusted reverse proxies (PROXY_COUNT), each proxy appends the address it saw to
X-Forwarded-For, so the client is the N-th entry from the right; anything further left was
written by the client and cannot be trusted. With no proxy, REMOTE_ADDR is the client."""

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if proxies <= 0:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [part for part in chain if part]
    if len(chain) >= proxies:
        return chain[-proxies]
    return chain[0] if chain else remote
