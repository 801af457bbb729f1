"""The extension's models, re-exported so that `smgovernance.models.X` always works."""

from .accessibility import (
    AccessibilityStatementPage,
    AssessmentMethod,
    ConformanceStatus,
    FeedbackKind,
    FeedbackSubmission,
    NetiquetteMeasure,
    NetiquettePage,
    add_one_month,
)
from .archive import ArchiveHandover, ArchiveRecord, HandoverForm
from .channels import (
    PUBLIC_STAGES,
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ChannelStageChange,
    ChannelSuccessor,
)
from .concept import ConceptDocument, UsageConceptPage
from .contacts import ContactPoint, OfficeHours, ResponsiblePerson, Weekday
from .content import ContentPage
from .legal import (
    AlternativeContactPage,
    AlternativeContactPoint,
    AlternativeContactWebsite,
    ImprintPage,
    ImprintResponsiblePerson,
    PlatformPrivacyNote,
    PrivacyPage,
)
from .platforms import (
    Platform,
    ThirdPartyProvider,
    TransferBasis,
    is_outdated_host,
    validate_profile_url,
)
from .privacy import LegalBasis
from .registers import (
    AwarenessAction,
    AwarenessKind,
    ChannelDecision,
    Decision,
    EvaluationRecord,
    evaluation_interval,
)
from .videos import VideoCategory, VideoIndexPage, VideoPage


__all__ = [
    "ArchiveHandover",
    "ArchiveRecord",
    "HandoverForm",
    "AwarenessAction",
    "AwarenessKind",
    "ChannelDecision",
    "ConceptDocument",
    "Decision",
    "EvaluationRecord",
    "UsageConceptPage",
    "evaluation_interval",
    "AccessibilityStatementPage",
    "AssessmentMethod",
    "ConformanceStatus",
    "FeedbackKind",
    "FeedbackSubmission",
    "NetiquetteMeasure",
    "NetiquettePage",
    "add_one_month",
    "PUBLIC_STAGES",
    "AlternativeContactPage",
    "AlternativeContactPoint",
    "AlternativeContactWebsite",
    "ImprintPage",
    "ImprintResponsiblePerson",
    "PlatformPrivacyNote",
    "PrivacyPage",
    "ChannelIndexPage",
    "ChannelProfilePage",
    "ChannelStage",
    "ChannelStageChange",
    "ChannelSuccessor",
    "ContactPoint",
    "ContentPage",
    "LegalBasis",
    "OfficeHours",
    "Platform",
    "ResponsiblePerson",
    "ThirdPartyProvider",
    "TransferBasis",
    "VideoCategory",
    "VideoIndexPage",
    "VideoPage",
    "Weekday",
    "is_outdated_host",
    "validate_profile_url",
]
