"""The official-channel register, machine-readable: `/kanaele/verzeichnis.json` and `.csv`.

Both list exactly the channels the channel index lists as official: live, public
channels of the site in a public stage (pilot, active, dormant). The JSON follows
`docs/channel-register.schema.json`; the CSV has the same fields as columns, in
UTF-8 with a byte order mark and ";" as separator, so that German spreadsheet
software opens it without an import dialogue. The channel index's statements and
its JSON-LD `sameAs` select the same channels (`official_channels`).
"""

import csv
import datetime

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from wagtail.models import Page, Site

from ..cache import cache_public
from ..models import ChannelIndexPage, ChannelProfilePage, ImprintPage, PrivacyPage
from ..models.public_channels import page_site
from ..models.register import register_channels
from ..monitor import Outcome
from ..rules.stages import ChannelStage


SCHEMA = "smgovernance-channel-register/1"
FIELDS = (
    "id",
    "name",
    "platform",
    "platform_slug",
    "handle",
    "profile_url",
    "stage",
    "stage_label",
    "stage_since",
    "responsible_unit",
    "page_url",
    "imprint_url",
    "privacy_notice_url",
    "last_verified_on",
    "last_verification_result",
    "last_verification_label",
)


def _live_url(model: type[Page], site: Site | None, request: HttpRequest | None) -> str:
    pages = model.objects.live().public()
    if site is not None:
        pages = pages.in_site(site)
    page = pages.order_by("path").first()
    return page.get_full_url(request) if page is not None else ""


def _date(value: datetime.date | datetime.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return value.isoformat()


def channel_entry(
    channel: ChannelProfilePage,
    request: HttpRequest | None,
    imprint_url: str,
    privacy_url: str,
) -> dict:
    """One channel of the register (the schema's `channel`)."""
    anchor = f"#kanal-{channel.slug}"
    outcome = getattr(channel, "last_outcome", None)
    unit = channel.responsible_unit
    return {
        "id": str(channel.register_id),
        "name": channel.title,
        "platform": channel.platform.name,
        "platform_slug": channel.platform.slug,
        "handle": channel.handle,
        "profile_url": channel.profile_url,
        "stage": channel.stage,
        "stage_label": str(ChannelStage(channel.stage).label),
        "stage_since": _date(channel.stage_changed_on),
        "responsible_unit": unit.name if unit is not None else "",
        "page_url": channel.get_full_url(request) or "",
        "imprint_url": imprint_url + anchor if imprint_url else None,
        "privacy_notice_url": privacy_url + anchor if privacy_url else None,
        "last_verified_on": _date(getattr(channel, "last_checked_at", None)),
        "last_verification_result": outcome or None,
        "last_verification_label": str(Outcome(outcome).label) if outcome else None,
    }


def register_data(index: Page, request: HttpRequest | None) -> dict:
    """The whole register as the schema describes it."""
    site = page_site(index, request)
    imprint_url = _live_url(ImprintPage, site, request)
    privacy_url = _live_url(PrivacyPage, site, request)
    return {
        "schema": SCHEMA,
        "publisher": {
            "name": index.publisher_name(site),
            "url": (site.root_url + "/") if site else index.get_full_url(request),
        },
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "channels": [
            channel_entry(channel, request, imprint_url, privacy_url)
            for channel in register_channels(index, request)
        ],
    }


def register_json(index: Page, request: HttpRequest) -> HttpResponse:
    response = JsonResponse(
        register_data(index, request),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"  # public data, for any reader
    return response


def register_csv(index: Page, request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verzeichnis.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    response.write("\ufeff")  # byte order mark: spreadsheet software reads UTF-8
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(FIELDS)
    for entry in register_data(index, request)["channels"]:
        writer.writerow(["" if entry[f] is None else entry[f] for f in FIELDS])
    return response


def channel_index_at(request: HttpRequest, index_path: str) -> ChannelIndexPage:
    """The live, public channel index at `index_path` of the requested site, else 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    url_path = site.root_page.url_path + index_path
    index = ChannelIndexPage.objects.live().public().filter(url_path=url_path).first()
    if index is None:
        raise Http404
    return index


@cache_public
def register_file(
    request: HttpRequest, index_path: str, extension: str
) -> HttpResponse:
    """`<channel index>/verzeichnis.json` and `.csv`."""
    index = channel_index_at(request, index_path)
    if extension == "csv":
        return register_csv(index, request)
    return register_json(index, request)
