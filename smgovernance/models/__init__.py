"""The extension's models, one module per page family or record kind.

Re-exported here, so that `smgovernance.models.X` always works. Modules of this
package import their siblings directly (`from .contacts import ContactPoint`),
never this package.
"""

from ..rules.deadlines import add_one_month, evaluation_interval
from ..rules.feedback import FeedbackKind
from ..rules.netiquette import NetiquetteMeasure
from ..rules.stages import INDEX_STAGE_ORDER, PUBLIC_STAGES, ChannelStage
from .accessibility import (
    AccessibilityStatementPage,
    AssessmentMethod,
    ConformanceStatus,
)
from .alternative_contact import (
    AlternativeContactPage,
    AlternativeContactPoint,
    AlternativeContactWebsite,
)
from .archive import ArchiveHandover, ArchiveRecord, HandoverForm
from .channel_history import ChannelStageChange, ChannelSuccessor
from .channel_index import ChannelIndexPage
from .channel_profile import ChannelProfilePage
from .concept import ConceptDocument, UsageConceptPage
from .contacts import ContactPoint, OfficeHours, ResponsiblePerson, Weekday
from .content import ContentPage
from .embed_settings import EmbedSettings
from .feedback import FeedbackSubmission
from .imprint import ImprintPage, ImprintResponsiblePerson
from .netiquette import NetiquettePage
from .platforms import (
    Platform,
    ThirdPartyProvider,
    TransferBasis,
    is_outdated_host,
    validate_profile_url,
)
from .privacy import LegalBasis
from .privacy_notice import PlatformPrivacyNote, PrivacyPage
from .register import AppendOnlyError, ChannelVerification
from .registers import (
    AwarenessAction,
    AwarenessKind,
    ChannelDecision,
    Decision,
    EvaluationRecord,
    SubmittedEvaluationError,
)
from .videos import VideoCategory, VideoIndexPage, VideoPage


__all__ = [
    "ArchiveHandover",
    "ArchiveRecord",
    "HandoverForm",
    "AppendOnlyError",
    "ChannelVerification",
    "INDEX_STAGE_ORDER",
    "PUBLIC_STAGES",
    "AccessibilityStatementPage",
    "AlternativeContactPage",
    "AlternativeContactPoint",
    "AlternativeContactWebsite",
    "AssessmentMethod",
    "AwarenessAction",
    "AwarenessKind",
    "ChannelDecision",
    "ChannelIndexPage",
    "ChannelProfilePage",
    "ChannelStage",
    "ChannelStageChange",
    "ChannelSuccessor",
    "ConceptDocument",
    "ConformanceStatus",
    "ContactPoint",
    "ContentPage",
    "Decision",
    "EmbedSettings",
    "EvaluationRecord",
    "SubmittedEvaluationError",
    "FeedbackKind",
    "FeedbackSubmission",
    "ImprintPage",
    "ImprintResponsiblePerson",
    "LegalBasis",
    "NetiquetteMeasure",
    "NetiquettePage",
    "OfficeHours",
    "Platform",
    "PlatformPrivacyNote",
    "PrivacyPage",
    "ResponsiblePerson",
    "ThirdPartyProvider",
    "TransferBasis",
    "UsageConceptPage",
    "VideoCategory",
    "VideoIndexPage",
    "VideoPage",
    "Weekday",
    "add_one_month",
    "evaluation_interval",
    "is_outdated_host",
    "validate_profile_url",
]
