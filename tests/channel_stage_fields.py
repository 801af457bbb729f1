"""Channels that meet the requirements of their stage (rules.stages), for tests.

`make_channel` of the shared helpers fills in only what an active channel needs;
since the editor refuses a pilot or dormant channel without imprint check and
privacy notice too, this wrapper fills in whatever the channel's stage requires
and the test did not pass itself.
"""

import datetime

from smgovernance.models import AlternativeContactPage, ChannelProfilePage, LegalBasis
from smgovernance.rules.stages import STAGE_REQUIREMENTS, ChannelStage
from tests import channel_helpers


def requirement_values() -> dict[str, object]:
    """A value for each field a stage can require."""
    return {
        "alternative_contact_page": (
            AlternativeContactPage.objects.live().first()
            or channel_helpers.make_contact_page()
        ),
        "imprint_verified_on": datetime.date(2026, 10, 1),
        "privacy_purposes": "Öffentlichkeitsarbeit",
        "legal_basis": LegalBasis.PUBLIC_TASK,
        "retention": "Bis zur Löschung durch die Plattform",
        "risk_assessment_on": datetime.date(2026, 9, 30),
        "processing_record_ref": "VVT 14/2026",
    }


def make_channel(
    index: object, context: dict, slug: str, **fields: object
) -> ChannelProfilePage:
    """`channel_helpers.make_channel`, with the fields the stage requires filled in."""
    stage = fields.get("stage", ChannelStage.PILOT)
    missing = [
        r.field
        for r in STAGE_REQUIREMENTS
        if r.applies(stage) and r.field not in fields
    ]
    if missing:
        values = requirement_values()
        fields = {**{field: values[field] for field in missing}, **fields}
    return channel_helpers.make_channel(index, context, slug, **fields)


def stage_form_fields(stage: str, **overrides: object) -> dict[str, str]:
    """Admin form values for the fields `stage` requires (a related page by its id)."""
    values = requirement_values()
    fields = {
        r.field: getattr(values[r.field], "pk", values[r.field])
        for r in STAGE_REQUIREMENTS
        if r.applies(stage)
    }
    return {key: str(value) for key, value in {**fields, **overrides}.items()}
