"""The channel page's editor: the concept tab and the lifecycle and privacy tab."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.models import Page


# Page types the channel's page links must have (by label: no model import needed).
ALTERNATIVE_CONTACT_PAGE = "smgovernance.AlternativeContactPage"
NETIQUETTE_PAGE = "smgovernance.NetiquettePage"

# Field, page type it must link to, and the message when it links to another page.
PAGE_LINKS = (
    (
        "alternative_contact_page",
        ALTERNATIVE_CONTACT_PAGE,
        _(
            "Choose an alternative contact page (page type “alternative "
            "contact page”), not another page."
        ),
    ),
    (
        "netiquette_page",
        NETIQUETTE_PAGE,
        _("Choose the netiquette page (page type “netiquette”), not another page."),
    ),
)

CONTENT_PANELS = [
    *Page.content_panels,
    FieldPanel("intro"),
    MultiFieldPanel(
        [
            FieldPanel("platform"),
            FieldPanel("profile_url"),
            FieldPanel("handle"),
            FieldPanel("instance_operator"),
        ],
        heading=_("Platform and profile"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("responsible_unit"),
            FieldPanel("editorial_owner"),
            FieldPanel("technical_owner"),
            FieldPanel("data_subject_owner"),
        ],
        heading=_("Responsibility"),
    ),
    MultiFieldPanel(
        [FieldPanel("purpose"), FieldPanel("platform_reasons")],
        heading=_("Purpose of use"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("type_and_scope"),
            FieldPanel("content_kinds"),
            FieldPanel("target_groups"),
            FieldPanel("not_offered"),
        ],
        heading=_("Type and scope of use"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("dialogue_policy"),
            FieldPanel("interaction_features"),
            FieldPanel("service_hours"),
            FieldPanel("comments_enabled"),
            PageChooserPanel("netiquette_page", NETIQUETTE_PAGE),
        ],
        heading=_("Dialogue and interaction"),
    ),
    MultiFieldPanel(
        [
            PageChooserPanel("website_equivalent_page"),
            FieldPanel("website_equivalent_urls"),
            PageChooserPanel("alternative_contact_page", ALTERNATIVE_CONTACT_PAGE),
            FieldRowPanel(
                [
                    FieldPanel("online_services_name"),
                    FieldPanel("online_services_url"),
                ]
            ),
        ],
        heading=_("Alternatives on our own website"),
    ),
    FieldPanel("body"),
]
LIFECYCLE_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("stage"),
            FieldPanel("stage_changed_on"),
            FieldPanel("stage_change_reason"),
            HelpPanel(
                template="smgovernance/admin/channel_stage_history.html",
                heading=_("History"),
            ),
            InlinePanel(
                "successors",
                heading=_("Successor channels"),
                label=_("Successor channel"),
            ),
        ],
        heading=_("Lifecycle stage"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("imprint_verified_on"),
            FieldPanel("risk_assessment_on"),
            FieldPanel("processing_record_ref"),
        ],
        heading=_("Gate for the active stage"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("privacy_purposes"),
            FieldPanel("legal_basis"),
            FieldPanel("retention"),
        ],
        heading=_("Privacy notice"),
    ),
]
CHANNEL_EDIT_HANDLER = TabbedInterface(
    [
        ObjectList(CONTENT_PANELS, heading=_("Concept")),
        ObjectList(LIFECYCLE_PANELS, heading=_("Lifecycle and privacy")),
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings")),
    ]
)
