"""The channels that exist on a platform, as the imprint and the privacy notice list them.

Channel facts (platform, operator, purposes, legal basis, retention) are read from the
channel pages and platform records, never typed again on a legal page (O-1 to O-12).
"""

import re

from django.db import models
from django.http import HttpRequest
from wagtail.models import Page, Site

from ..rules.stages import PUBLIC_STAGES
from .channel_profile import ChannelProfilePage


def page_site(page: Page, request: HttpRequest | None = None) -> Site | None:
    """The site being served (cached on the request), else the page's own site."""
    site = Site.find_for_request(request) if request is not None else None
    return site or page.get_site()


def public_channels(page: Page, site: Site | None = None) -> models.QuerySet:
    """Live channels of the page's site that exist on a platform (pilot, active, dormant).

    One query however many channels: platform, operators and the data subject
    contact are joined in.
    """
    channels = ChannelProfilePage.objects.live().filter(stage__in=PUBLIC_STAGES)
    site = site or page.get_site()
    if site is not None:
        channels = channels.descendant_of(site.root_page, inclusive=True)
    return channels.select_related(
        "platform__provider",
        "instance_operator",
        "data_subject_owner__contact_point",
    ).order_by("path")


def channel_heading(channel: ChannelProfilePage) -> str:
    """ "Facebook: Kanal" - unless the channel's title already names its platform."""
    platform = channel.platform
    for name in {platform.name, platform.name.split(" (")[0], platform.slug}:
        if name and re.search(rf"\b{re.escape(name)}\b", channel.title, re.IGNORECASE):
            return channel.title
    return f"{platform.name}: {channel.title}"
