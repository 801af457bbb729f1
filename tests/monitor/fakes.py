"""Fake platforms for the monitor tests: a Mastodon server, Bluesky's API, HTML profiles."""

from pytest_httpserver import HTTPServer

from smgovernance.monitor import Target


OUR_HOST = "www.kreis.example"
MASTODON = "social.example"
BLUESKY_API = "public.api.bsky.app"
UA = "smgovernance-channel-monitor (+https://www.kreis.example/)"
DID = "did:plc:abcdefghijklmnopqrstuvwx"
OTHER_DID = "did:plc:zzzzzzzzzzzzzzzzzzzzzzzz"


def mastodon_target(**changes: object) -> Target:
    values = {
        "kind": "mastodon",
        "platform_name": "Mastodon",
        "profile_url": f"https://{MASTODON}/@kreis",
        "handle": f"@kreis@{MASTODON}",
        "platform_hosts": (MASTODON,),
        "own_hosts": (OUR_HOST,),
        "user_agent": UA,
    }
    return Target(**{**values, **changes})


def bluesky_target(**changes: object) -> Target:
    values = {
        "kind": "bluesky",
        "platform_name": "Bluesky",
        "profile_url": "https://bsky.app/profile/kreis.bsky.social",
        "handle": "kreis.bsky.social",
        "platform_hosts": ("bsky.app",),
        "own_hosts": (OUR_HOST,),
        "user_agent": UA,
        "did": DID,
    }
    return Target(**{**values, **changes})


def html_target(**changes: object) -> Target:
    values = {
        "kind": "html",
        "platform_name": "Facebook",
        "profile_url": "https://www.facebook.com/kreis",
        "handle": "kreis",
        "platform_hosts": ("www.facebook.com", "facebook.com"),
        "own_hosts": (OUR_HOST,),
        "user_agent": UA,
    }
    return Target(**{**values, **changes})


def mastodon_account(fields: list[dict] | None = None, **changes: object) -> dict:
    """An account as `/api/v1/accounts/lookup` returns it (the parts we read)."""
    return {
        "id": "109",
        "username": "kreis",
        "acct": "kreis",
        "url": f"https://{MASTODON}/@kreis",
        "fields": fields if fields is not None else [],
        **changes,
    }


def imprint_field(verified: bool = True, host: str = OUR_HOST) -> dict:
    url = f"https://{host}/impressum/"
    return {
        "name": "Impressum",
        "value": f'<a href="{url}" rel="nofollow noopener me" target="_blank">'
        f'<span class="invisible">https://</span>{host}/impressum/</a>',
        "verified_at": "2026-11-30T10:00:00.000+00:00" if verified else None,
    }


def serve_mastodon_account(server: HTTPServer, account: dict | None, status: int = 200):
    handler = server.expect_request(
        "/api/v1/accounts/lookup", query_string={"acct": "kreis"}
    )
    if account is None:
        handler.respond_with_json({"error": "Record not found"}, status=status)
    else:
        handler.respond_with_json(account, status=status)


def serve_bluesky(
    server: HTTPServer,
    handle: str = "kreis.bsky.social",
    did: str = DID,
    description: str = f"Offizieller Kanal. Impressum: https://{OUR_HOST}/impressum/",
) -> None:
    """Bluesky's public API for one account."""
    server.expect_request(
        "/xrpc/com.atproto.identity.resolveHandle", query_string={"handle": handle}
    ).respond_with_json({"did": did})
    server.expect_request(
        "/xrpc/app.bsky.actor.getProfile", query_string={"actor": did}
    ).respond_with_json({"did": did, "handle": handle, "description": description})
