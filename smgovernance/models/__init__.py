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
from .channels import PUBLIC_STAGES, ChannelIndexPage, ChannelProfilePage, ChannelStage
from .contacts import ContactPoint, OfficeHours, ResponsiblePerson, Weekday
from .platforms import Platform, ThirdPartyProvider, TransferBasis
from .privacy import LegalBasis


__all__ = [
    "AccessibilityStatementPage",
    "AssessmentMethod",
    "ConformanceStatus",
    "FeedbackKind",
    "FeedbackSubmission",
    "NetiquetteMeasure",
    "NetiquettePage",
    "add_one_month",
    "PUBLIC_STAGES",
    "ChannelIndexPage",
    "ChannelProfilePage",
    "ChannelStage",
    "ContactPoint",
    "LegalBasis",
    "OfficeHours",
    "Platform",
    "ResponsiblePerson",
    "ThirdPartyProvider",
    "TransferBasis",
    "Weekday",
]
