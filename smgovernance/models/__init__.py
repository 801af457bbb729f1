"""The extension's models, re-exported so that `smgovernance.models.X` always works."""

from .channels import (
    PUBLIC_STAGES,
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ChannelStageChange,
    ChannelSuccessor,
)
from .contacts import ContactPoint, OfficeHours, ResponsiblePerson, Weekday
from .platforms import (
    Platform,
    ThirdPartyProvider,
    TransferBasis,
    is_outdated_host,
    validate_profile_url,
)
from .privacy import LegalBasis


__all__ = [
    "PUBLIC_STAGES",
    "ChannelIndexPage",
    "ChannelProfilePage",
    "ChannelStage",
    "ChannelStageChange",
    "ChannelSuccessor",
    "ContactPoint",
    "LegalBasis",
    "OfficeHours",
    "Platform",
    "ResponsiblePerson",
    "ThirdPartyProvider",
    "TransferBasis",
    "Weekday",
    "is_outdated_host",
    "validate_profile_url",
]
