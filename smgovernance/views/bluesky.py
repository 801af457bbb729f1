"""`/.well-known/atproto-did`: the DID of the Bluesky channel whose handle is this host.

A Bluesky handle can be the body's own domain (e.g. `wirtschaft-in-mittelsachsen.de`):
Bluesky then asks `https://<handle>/.well-known/atproto-did` for the account's DID.
The answer comes from the channel record (`bluesky_did`), so nothing is typed twice.
"""

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from ..models import ChannelProfilePage


@require_safe
def atproto_did(request: HttpRequest) -> HttpResponse:
    host = request.get_host().rsplit(":", 1)[0].lower().rstrip(".")
    channel = (
        ChannelProfilePage.objects.live()
        .public()
        .filter(platform__slug="bluesky")
        .filter(Q(handle__iexact=host) | Q(handle__iexact=f"@{host}"))
        .exclude(bluesky_did="")
        .order_by("path")
        .first()
    )
    if channel is None:
        raise Http404
    return HttpResponse(
        channel.bluesky_did.strip(), content_type="text/plain; charset=utf-8"
    )
