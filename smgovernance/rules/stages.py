"""The channel lifecycle ("Stufenmodell", O-17) and what each stage requires."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChannelStage(models.TextChoices):
    """The staged lifecycle ("Stufenmodell") of a channel."""

    PLANNED = "planned", _("Planned")
    REVIEW = "review", _("Review (necessity check)")
    PILOT = "pilot", _("Pilot")
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant (emergencies only)")
    CLOSED = "closed", _("Closed")


# Channels that exist on the platform and so need the imprint, a privacy notice etc.
PUBLIC_STAGES = (ChannelStage.PILOT, ChannelStage.ACTIVE, ChannelStage.DORMANT)

# Stages in which citizens may write to us: they need the alternative contacts (O-11).
REACHABLE_STAGES = (ChannelStage.PILOT, ChannelStage.ACTIVE)

# The full activation gate (O-9, O-17): only an active channel needs all of it.
GATED_STAGES = (ChannelStage.ACTIVE,)

# Order of the groups on the channel index.
INDEX_STAGE_ORDER = (
    ChannelStage.ACTIVE,
    ChannelStage.PILOT,
    ChannelStage.DORMANT,
    ChannelStage.REVIEW,
    ChannelStage.PLANNED,
    ChannelStage.CLOSED,
)


def _filled(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else value is not None


@dataclass(frozen=True)
class StageRequirement:
    """One field a channel must have filled in from a stage on."""

    field: str
    stages: tuple[str, ...]
    message: str
    # Reads the value; `<field>_id` for relations, so no query is made.
    attribute: str = ""

    def is_met(self, channel: object) -> bool:
        return _filled(getattr(channel, self.attribute or self.field, None))

    def applies(self, stage: str) -> bool:
        return stage in self.stages


STAGE_REQUIREMENTS: tuple[StageRequirement, ...] = (
    StageRequirement(
        "alternative_contact_page",
        REACHABLE_STAGES,
        _(
            "A channel in pilot or active use needs the alternative contact page: choose it."
        ),
        attribute="alternative_contact_page_id",
    ),
    StageRequirement(
        "imprint_verified_on",
        PUBLIC_STAGES,
        _(
            "A channel on a platform needs the imprint link on its profile: "
            "enter the date you checked it."
        ),
    ),
    StageRequirement(
        "privacy_purposes",
        PUBLIC_STAGES,
        _("A channel on a platform needs a privacy notice: describe the purposes."),
    ),
    StageRequirement(
        "legal_basis",
        PUBLIC_STAGES,
        _("A channel on a platform needs a privacy notice: choose the legal basis."),
    ),
    StageRequirement(
        "retention",
        PUBLIC_STAGES,
        _("A channel on a platform needs a privacy notice: say how long data is kept."),
    ),
    StageRequirement(
        "risk_assessment_on",
        GATED_STAGES,
        _("An active channel needs a risk assessment: enter its date."),
    ),
    StageRequirement(
        "processing_record_ref",
        GATED_STAGES,
        _(
            "An active channel needs an entry in the record of processing "
            "activities: enter its reference."
        ),
    ),
)

REQUIREMENTS_BY_FIELD = {r.field: r for r in STAGE_REQUIREMENTS}


def unmet_requirements(channel: object, stage: str | None = None) -> dict[str, str]:
    """What the channel lacks for its stage (or `stage`), as field -> German message.

    The page editor refuses these, the compliance checks report them for live
    pages, and the import reports them per row: all through this function.
    """
    stage = stage or getattr(channel, "stage", "")
    return {
        r.field: str(r.message)
        for r in STAGE_REQUIREMENTS
        if r.applies(stage) and not r.is_met(channel)
    }


def requirement_unmet(field: str) -> Callable[[object], bool]:
    """A predicate for one requirement, for checks that report a single field."""
    requirement = REQUIREMENTS_BY_FIELD[field]

    def unmet(channel: object) -> bool:
        return requirement.applies(
            getattr(channel, "stage", "")
        ) and not requirement.is_met(channel)

    return unmet
