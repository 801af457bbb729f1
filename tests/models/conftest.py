"""Fixtures shared by the page tests."""

import pytest

from tests.factories import (
    HIDDEN_CHANNELS,
    PUBLIC_CHANNELS,
    add_channel,
)


@pytest.fixture
def channels(demo):
    """Channels in every stage on the demo site, published through the factories."""
    return {
        slug: add_channel(slug, stage)
        for slug, stage in {**PUBLIC_CHANNELS, **HIDDEN_CHANNELS}.items()
    }
