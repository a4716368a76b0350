"""Request logging: one structured line per request, with an id echoed in the response."""

import logging
import time
import uuid

logger = logging.getLogger("portail.requests")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-Id"] = request.id
        # Query strings may carry personal data (search terms, tokens): log the path only.
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": request.id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": getattr(getattr(request, "user", None), "pk", None),
            },
        )
        return response
