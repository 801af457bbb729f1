"""The extension's models, re-exported so that `smgovernance.models.X` always works."""

from .channels import PUBLIC_STAGES, ChannelIndexPage, ChannelProfilePage, ChannelStage
from .contacts import ContactPoint, OfficeHours, ResponsiblePerson, Weekday
from .legal import (
    AlternativeContactPage,
    AlternativeContactPoint,
    AlternativeContactWebsite,
    ImprintPage,
    ImprintResponsiblePerson,
    PlatformPrivacyNote,
    PrivacyPage,
)
from .platforms import Platform, ThirdPartyProvider, TransferBasis
from .privacy import LegalBasis


__all__ = [
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
    "ContactPoint",
    "LegalBasis",
    "OfficeHours",
    "Platform",
    "ResponsiblePerson",
    "ThirdPartyProvider",
    "TransferBasis",
    "Weekday",
]
