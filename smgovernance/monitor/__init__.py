"""The channel monitor: looks at each channel's public profile and says whether it links to us.

`verify(target)` picks the verifier for the platform and never raises for network
trouble: every failure becomes a `Result` with an outcome and a German reason.
Nothing here touches the database; `smgovernance.tasks` loads the channel, calls
`verify` and appends the result to the verification log.
"""

from .bluesky import verify_bluesky
from .html_profile import verify_html_profile
from .mastodon import verify_mastodon
from .outcomes import GOOD_OUTCOMES, Outcome, Result, Target, verifier_kind


VERIFIERS = {
    "mastodon": verify_mastodon,
    "bluesky": verify_bluesky,
    "html": verify_html_profile,
}


def verify(target: Target) -> Result:
    """Check one profile with the verifier of its platform kind."""
    return VERIFIERS.get(target.kind, verify_html_profile)(target)


__all__ = [
    "GOOD_OUTCOMES",
    "Outcome",
    "Result",
    "Target",
    "verifier_kind",
    "verify",
]
