"""Checks of the channels on a platform (O-2, O-6, O-7, O-11, O-12, O-17).

What a channel needs in each stage has one home, `rules.stages.STAGE_REQUIREMENTS`:
the page editor refuses exactly what C009, C017, C019 and C021 report.
"""

from collections.abc import Iterator

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..models import ChannelProfilePage
from ..rules.deadlines import verification_interval
from ..rules.hosts import is_outdated_host, url_host
from ..rules.stages import REQUIREMENTS_BY_FIELD, unmet_requirements
from .helpers import (
    page_edit_url,
    public_channel_list,
    public_stage_channels,
    today,
)
from .registry import Problem, Severity, register_check


# check id -> the stage requirements (fields) it reports, filled in below.
REQUIREMENT_CHECKS: dict[str, tuple[str, ...]] = {}


def channel_problem(message: str, channel: ChannelProfilePage) -> Problem:
    return Problem(
        message % {"channel": channel.title}, channel, page_edit_url(channel)
    )


def register_requirement_check(
    check_id: str,
    severity: Severity,
    title: Promise,
    fields: tuple[str, ...],
    message: Promise,
) -> None:
    """A check reporting live channels that lack one of `fields` for their stage."""
    unknown = [field for field in fields if field not in REQUIREMENTS_BY_FIELD]
    if unknown:
        raise ValueError(f"{check_id}: no stage requirement for {unknown}")

    def check(site: Site | None) -> Iterator[Problem]:
        for channel in public_channel_list(site):
            if unmet_requirements(channel).keys() & set(fields):
                yield channel_problem(str(message), channel)

    check.__name__ = check.__qualname__ = f"requirements_{'_'.join(fields)}"
    REQUIREMENT_CHECKS[check_id] = fields
    register_check(check_id, severity, title, concerns=(ChannelProfilePage,))(check)


# O-7: every channel on a platform has its own privacy notice.
register_requirement_check(
    "smgovernance.C009",
    Severity.ERROR,
    _("Every channel on a platform has a complete privacy notice"),
    ("privacy_purposes", "legal_basis", "retention"),
    _(
        "The privacy notice of the channel “%(channel)s” is incomplete "
        "(purposes, legal basis and retention are required)."
    ),
)
# O-2: every channel on a platform links to the imprint; someone checked it.
register_requirement_check(
    "smgovernance.C017",
    Severity.ERROR,
    _("Every channel on a platform has a checked imprint link"),
    ("imprint_verified_on",),
    _("Nobody has checked that the channel “%(channel)s” links to the imprint."),
)
# O-11: pilot and active channels name the alternative ways to reach us.
register_requirement_check(
    "smgovernance.C019",
    Severity.ERROR,
    _("Pilot and active channels name the alternative contact page"),
    ("alternative_contact_page",),
    _("The channel “%(channel)s” does not name the alternative contact page."),
)
# O-17: an active channel has its risk assessment and processing record.
register_requirement_check(
    "smgovernance.C021",
    Severity.ERROR,
    _("Active channels have a risk assessment and a processing record"),
    ("risk_assessment_on", "processing_record_ref"),
    _(
        "The active channel “%(channel)s” lacks its risk assessment or its entry "
        "in the record of processing activities."
    ),
)


@register_check(
    "smgovernance.C010",
    Severity.WARNING,
    _("Channels use their platform's current host"),
    concerns=(ChannelProfilePage,),
)
def channel_outdated_host(site: Site | None) -> Iterator[Problem]:
    """O-6, O-13: profile addresses use the platform's current host (x.com, not twitter.com)."""
    for channel in public_channel_list(site):
        if is_outdated_host(channel.profile_url, channel.platform.outdated_host_list):
            yield Problem(
                gettext(
                    "The channel “%(channel)s” still links to the outdated host %(host)s."
                )
                % {"channel": channel.title, "host": url_host(channel.profile_url)},
                channel,
                page_edit_url(channel),
            )


@register_check(
    "smgovernance.C018",
    Severity.WARNING,
    _("Imprint links of the channels were checked within the interval"),
    concerns=(ChannelProfilePage,),
)
def channel_imprint_link_stale(site: Site | None) -> Iterator[Problem]:
    """O-2, O-5: the imprint link on the platform profile is re-checked yearly."""
    since = today() - verification_interval()
    for channel in public_channel_list(site):
        if channel.imprint_verified_on and channel.imprint_verified_on < since:
            yield channel_problem(
                gettext(
                    "The imprint link of the channel “%(channel)s” has not been "
                    "checked within the last year."
                ),
                channel,
            )


@register_check(
    "smgovernance.C020",
    Severity.ERROR,
    _("Channels with comments link the netiquette"),
    concerns=(ChannelProfilePage,),
)
def channel_without_netiquette(site: Site | None) -> Iterator[Problem]:
    """O-12: where comments are on, the netiquette is linked."""
    for channel in public_channel_list(site):
        if channel.comments_enabled and not channel.netiquette_page_id:
            yield channel_problem(
                gettext(
                    "Comments are enabled on the channel “%(channel)s”, but no "
                    "netiquette is linked."
                ),
                channel,
            )


@register_check(
    "smgovernance.C026",
    Severity.ERROR,
    _("Channels on a platform have a published page"),
    concerns=(ChannelProfilePage,),
)
def public_channel_not_live(site: Site | None) -> Iterator[Problem]:
    """O-2, O-7: imprint and privacy page list only live channels, so each must be live."""
    for channel in public_stage_channels(site):
        if channel.live:
            continue
        yield channel_problem(
            gettext(
                "The channel “%(channel)s” is on a platform but its page is not "
                "published, so the imprint and the privacy page leave it out."
            ),
            channel,
        )
