"""Request logging: one structured line per request, with an id echoed in the response."""

import logging
import re
import time
import uuid

from django.utils.functional import empty

logger = logging.getLogger("portail.requests")

# An id coming from the reverse proxy is kept only if it is short and plain: anything else could
# forge log lines or carry personal data.
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Path segments that look like secrets (confirmation and reset tokens, private follow-up links)
# are replaced before logging: long runs of token characters with at least one digit.
_SECRET_SEGMENT = re.compile(r"(?<=/)(?=[^/]*\d)[A-Za-z0-9_:\-]{16,}(?=/|$)")


def loggable_path(path):
    return _SECRET_SEGMENT.sub("[jeton]", path)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-Id", "")
        request.id = incoming if _REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-Id"] = request.id
        # Query strings may carry personal data (search terms, tokens): log the path only.
        path = loggable_path(request.path)
        logger.info(
            "%s %s %s",
            request.method,
            path,
            response.status_code,
            extra={
                "request_id": request.id,
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": _loaded_user_id(request),
            },
        )
        return response


def _loaded_user_id(request):
    """The user's id if the view already loaded the user. Loading it here would query the
    session table for every request, and fail the response when the database is down."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is None or wrapped is empty:
        return None
    return getattr(wrapped, "pk", None)
