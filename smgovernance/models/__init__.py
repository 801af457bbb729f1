"""The extension's models, re-exported so that `smgovernance.models.X` always works."""

from .channels import ChannelIndexPage, ChannelProfilePage, ChannelStage
from .snippets import Platform, ThirdPartyProvider, TransferBasis


__all__ = [
    "ChannelIndexPage",
    "ChannelProfilePage",
    "ChannelStage",
    "Platform",
    "ThirdPartyProvider",
    "TransferBasis",
]
