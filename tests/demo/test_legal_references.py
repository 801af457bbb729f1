"""The demo's legal pages cite current law only (no repealed law, no stale names)."""

from smgovernance.compliance.legal_references import find_outdated_references_in_page
from smgovernance.models import ImprintPage, PrivacyPage


def test_demo_legal_pages_cite_current_law_only(demo):
    for model in (ImprintPage, PrivacyPage):
        assert find_outdated_references_in_page(model.objects.get()) == []
    from smgovernance.models import AlternativeContactPage

    assert find_outdated_references_in_page(AlternativeContactPage.objects.get()) == []
