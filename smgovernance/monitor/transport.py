"""Turning a refused or failed request into a verification result."""

from django.utils.translation import gettext

from .fetch import FetchError
from .outcomes import Outcome, Result


def transport_failure(error: FetchError, url: str) -> Result:
    """The server could not be asked: unreachable, with the German reason."""
    if error.kind == FetchError.OFF_HOST_REDIRECT:
        return Result(
            Outcome.UNREACHABLE,
            gettext("The server redirects to %(location)s, outside the platform.")
            % {"location": error.location},
            url,
        )
    return Result(
        Outcome.UNREACHABLE,
        error.message,
        url,
        request_sent=error.kind not in FetchError.NOT_SENT,
    )
