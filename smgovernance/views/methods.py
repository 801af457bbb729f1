"""The HTTP methods a public view answers: OPTIONS lists them, others get 405."""

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase


TEXT = "text/plain; charset=utf-8"


def allow_methods(*methods: str) -> Callable[[Callable], Callable]:
    """Decorator: OPTIONS answers 200 with an Allow header and no body; a method
    not in `methods` answers 405 (GET implies HEAD, OPTIONS is always allowed)."""
    allowed = list(dict.fromkeys([*methods, *(["HEAD"] if "GET" in methods else [])]))
    allowed.append("OPTIONS")

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(
            request: HttpRequest, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            if request.method == "OPTIONS":
                response = HttpResponse(status=200, content_type=TEXT)
                response["Allow"] = ", ".join(allowed)
                response["Content-Length"] = "0"
                return response
            if request.method not in allowed:
                return HttpResponseNotAllowed(allowed, content_type=TEXT)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
