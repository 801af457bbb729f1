"""Channel index and profile pages as citizens see them (issue: channel profiles)."""

import json

import pytest
from django.utils import translation

from smgovernance.models import ChannelProfilePage, ChannelStage
from tests.utils import soup


def test_demo_builds_three_channels(client, demo):
    for slug in ("facebook", "twitter", "vimeo"):
        response = client.get(f"/kanaele/{slug}/")
        print(response.content.decode()[:200])
        assert response.status_code == 200
    assert client.get("/kanaele/").status_code == 200
