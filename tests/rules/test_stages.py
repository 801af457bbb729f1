"""rules.stages: the stage sets and what each stage requires of a channel (O-9, O-17)."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from smgovernance.rules.stages import (
    GATED_STAGES,
    INDEX_STAGE_ORDER,
    PUBLIC_STAGES,
    REACHABLE_STAGES,
    STAGE_REQUIREMENTS,
    ChannelStage,
    requirement_unmet,
    unmet_requirements,
)


PRIVACY = {"imprint_verified_on", "privacy_purposes", "legal_basis", "retention"}
GATE = {"risk_assessment_on", "processing_record_ref"}
FILLED = {
    "alternative_contact_page_id": 7,
    "imprint_verified_on": "2026-10-01",
    "privacy_purposes": "Öffentlichkeitsarbeit",
    "legal_basis": "art6_1_e",
    "retention": "Bis zur Löschung",
    "risk_assessment_on": "2026-09-30",
    "processing_record_ref": "VVT 14/2026",
}


def channel(stage: str, **fields: object) -> SimpleNamespace:
    """A channel-like object: the rules read attributes only, no model needed."""
    values = dict.fromkeys(FILLED)
    values.update(fields)
    return SimpleNamespace(stage=stage, **values)


def test_stage_sets_follow_the_lifecycle():
    assert PUBLIC_STAGES == ("pilot", "active", "dormant")
    assert REACHABLE_STAGES == ("pilot", "active")
    assert GATED_STAGES == ("active",)
    assert set(GATED_STAGES) <= set(REACHABLE_STAGES) <= set(PUBLIC_STAGES)


def test_index_order_lists_every_stage_once_active_first():
    assert sorted(INDEX_STAGE_ORDER) == sorted(ChannelStage.values)
    assert len(INDEX_STAGE_ORDER) == len(set(INDEX_STAGE_ORDER))
    assert INDEX_STAGE_ORDER[0] == ChannelStage.ACTIVE
    assert INDEX_STAGE_ORDER[-1] == ChannelStage.CLOSED


@pytest.mark.parametrize(
    ("stage", "unmet"),
    [
        (ChannelStage.PLANNED, set()),
        (ChannelStage.REVIEW, set()),
        (ChannelStage.CLOSED, set()),
        (ChannelStage.DORMANT, PRIVACY),
        (ChannelStage.PILOT, PRIVACY | {"alternative_contact_page"}),
        (ChannelStage.ACTIVE, PRIVACY | GATE | {"alternative_contact_page"}),
    ],
)
def test_an_empty_channel_lacks_what_its_stage_requires(stage, unmet):
    assert set(unmet_requirements(channel(stage))) == unmet


@pytest.mark.parametrize("stage", ChannelStage.values)
def test_a_complete_channel_meets_every_stage(stage):
    assert unmet_requirements(channel(stage, **FILLED)) == {}


def test_each_missing_field_is_reported_alone():
    for field in FILLED:
        values = {**FILLED, field: None}
        unmet = unmet_requirements(channel(ChannelStage.ACTIVE, **values))
        assert list(unmet) == [field.removesuffix("_id")], field


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_blank_text_counts_as_missing(blank):
    unmet = unmet_requirements(
        channel(ChannelStage.PILOT, **{**FILLED, "retention": blank})
    )
    assert list(unmet) == ["retention"]


def test_relations_are_read_through_their_id_so_no_query_is_made():
    """The rule reads `alternative_contact_page_id`, never the related object."""
    page = channel(ChannelStage.ACTIVE, **FILLED)
    page.alternative_contact_page = None  # an unloaded relation must not matter
    assert unmet_requirements(page) == {}
    page.alternative_contact_page_id = None
    page.alternative_contact_page = object()
    assert list(unmet_requirements(page)) == ["alternative_contact_page"]


def test_the_stage_argument_overrides_the_channels_stage():
    """The editor asks about the stage being saved, not the stored one."""
    planned = channel(ChannelStage.PLANNED)
    assert unmet_requirements(planned) == {}
    assert set(unmet_requirements(planned, ChannelStage.ACTIVE)) == (
        PRIVACY | GATE | {"alternative_contact_page"}
    )
    active = channel(ChannelStage.ACTIVE)
    assert unmet_requirements(active, ChannelStage.CLOSED) == {}


def test_messages_are_plain_strings_in_the_active_language():
    empty = channel(ChannelStage.ACTIVE)
    with translation.override("de"):
        german = unmet_requirements(empty)
    with translation.override("en"):
        english = unmet_requirements(empty)
    assert all(type(message) is str for message in german.values())
    assert german["risk_assessment_on"] == (
        "Ein aktiver Kanal braucht eine Risikobewertung: Bitte tragen Sie ihr Datum ein."
    )
    assert english["risk_assessment_on"] == (
        "An active channel needs a risk assessment: enter its date."
    )
    assert all(german[field] != english[field] for field in german)


def test_every_requirement_names_a_field_once_and_a_known_stage():
    fields = [r.field for r in STAGE_REQUIREMENTS]
    assert len(fields) == len(set(fields))
    for requirement in STAGE_REQUIREMENTS:
        assert requirement.stages
        assert set(requirement.stages) <= set(ChannelStage.values)


def test_single_requirement_predicate_agrees_with_the_full_list():
    for stage in ChannelStage.values:
        for values in ({}, FILLED, {**FILLED, "retention": "", "legal_basis": None}):
            page = channel(stage, **values)
            unmet = unmet_requirements(page)
            for requirement in STAGE_REQUIREMENTS:
                assert requirement_unmet(requirement.field)(page) is (
                    requirement.field in unmet
                ), (stage, requirement.field)


def test_unknown_requirement_is_a_programming_error():
    with pytest.raises(KeyError):
        requirement_unmet("no_such_field")
