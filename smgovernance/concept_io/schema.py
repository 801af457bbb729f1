"""The YAML format of the concept (docs/concept-schema.md): sections and their fields.

Export, validation and writing all read these tables, so a field is named once.
"""

from dataclasses import dataclass, field

from django.db import models

from ..models import (
    ChannelProfilePage,
    ContactPoint,
    ImprintPage,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
)


SCHEMA = "smgovernance-concept/1"


@dataclass
class Section:
    """One list of records: its model, natural key, plain fields and references."""

    name: str
    model: type[models.Model]
    key: str
    fields: list[str]
    refs: dict[str, str] = field(default_factory=dict)  # field -> section it points to


SECTIONS = [
    Section(
        "providers",
        ThirdPartyProvider,
        "name",
        [
            "name",
            "legal_name",
            "address",
            "country",
            "is_third_country",
            "transfer_basis",
            "dpf_checked_on",
            "privacy_policy_url",
        ],
    ),
    Section(
        "platforms",
        Platform,
        "slug",
        [
            "slug",
            "name",
            "profile_hosts",
            "outdated_hosts",
            "joint_controllership",
            "is_federated",
        ],
        {"provider": "providers"},
    ),
    Section(
        "contact_points",
        ContactPoint,
        "name",
        [
            "name",
            "organisation",
            "phone",
            "email",
            "street",
            "postal_code",
            "city",
            "verified_on",
        ],
    ),
    Section(
        "persons",
        ResponsiblePerson,
        "name",
        ["name", "function", "phone", "email", "verified_on"],
        {"contact_point": "contact_points"},
    ),
    Section(
        "channels",
        ChannelProfilePage,
        "slug",
        [
            "slug",
            "title",
            "intro",
            "profile_url",
            "handle",
            "purpose",
            "platform_reasons",
            "type_and_scope",
            "dialogue_policy",
            "service_hours",
            "comments_enabled",
            "online_services_name",
            "online_services_url",
            "stage",
            "stage_changed_on",
            "imprint_verified_on",
            "risk_assessment_on",
            "processing_record_ref",
            "privacy_purposes",
            "legal_basis",
            "retention",
        ],
        {
            "platform": "platforms",
            "instance_operator": "providers",
            "responsible_unit": "contact_points",
            "editorial_owner": "persons",
            "technical_owner": "persons",
            "data_subject_owner": "persons",
        },
    ),
]
SECTIONS_BY_NAME = {section.name: section for section in SECTIONS}

# Nested lists of the record sections.
OFFICE_HOURS_FIELDS = ["weekday", "opens", "closes"]
STAGE_CHANGE_FIELDS = ["stage", "changed_on", "reason"]

# Channel fields that point to pages of the site: written as their path ("/kontakt/").
CHANNEL_PAGE_REFS = [
    "netiquette_page",
    "alternative_contact_page",
    "website_equivalent_page",
]
CHANNEL_BODY_BLOCK = ChannelProfilePage._meta.get_field("body").stream_block
# Channel StreamFields: lists of short texts, or of small objects.
CHANNEL_TEXT_LISTS = ["content_kinds", "target_groups", "not_offered"]
CHANNEL_STRUCT_LISTS = {
    "interaction_features": ("feature", ["name", "needs_registration"]),
    "website_equivalent_urls": ("link", ["text", "url"]),
}
CHANNEL_EXTRA = {
    "body",
    "live",
    "stage_changes",
    "successors",
    *CHANNEL_PAGE_REFS,
    *CHANNEL_TEXT_LISTS,
    *CHANNEL_STRUCT_LISTS,
}

# The single objects and the lists after the record sections.
IMPRINT_FIELDS = [
    "slug",
    "title",
    *ImprintPage.PROVIDER_FIELDS,
    "vat_id",
    "w_idnr",
    "supervisory_authority_name",
    "supervisory_authority_address",
    "supervisory_authority_url",
    "provider_verified_on",
    "body",
]
IMPRINT_EXTRA = {"live", "responsible_persons"}
IMPRINT_PERSON_FIELDS = ["area", "meets_requirements"]
CONCEPT_FIELDS = [
    "slug",
    "title",
    "version",
    "version_date",
    "preamble",
    "task",
    "responsible_bodies",
    "self_commitment",
]
CONCEPT_ROLES = ["evaluation_owner", "evaluation_deputy"]
CONCEPT_EXTRA = {
    "live",
    "responsible_persons",
    "contact_points",
    "documents",
    *CONCEPT_ROLES,
}
DOCUMENT_FIELDS = ["title", "author", "year"]
EVALUATION_FIELDS = [
    "date",
    "evaluator",
    "findings",
    "next_due",
    "published",
    "submitted",
]
DECISION_FIELDS = ["decision", "reasons"]
ACTION_FIELDS = ["date", "kind", "link", "description"]

# Every top-level key of the file, in the order of the export.
TOP_LEVEL = [
    "schema",
    *SECTIONS_BY_NAME,
    "imprint",
    "concept",
    "evaluations",
    "awareness_actions",
]
