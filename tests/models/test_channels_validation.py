"""validate_profile_url: the reusable check behind the channel form (and later checks)."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from smgovernance.models import Platform, ThirdPartyProvider
from smgovernance.models.platforms import is_outdated_host, validate_profile_url


X = Platform(
    name="X",
    slug="x",
    profile_hosts="x.com",
    outdated_hosts="twitter.com\nwww.twitter.com",
)
FACEBOOK = Platform(
    name="Facebook", slug="facebook", profile_hosts="www.facebook.com\nfacebook.com"
)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.facebook.com/wirtschaft.in.mittelsachsen",
        "https://facebook.com/wirtschaft.in.mittelsachsen",
        "https://WWW.Facebook.COM/name",
        "https://www.facebook.com./name",
        "https://www.facebook.com:443/name",
        "https://www.facebook.com/profile.php?id=123",
    ],
)
def test_accepts_https_addresses_on_the_platforms_hosts(url):
    validate_profile_url(url, FACEBOOK)


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://www.facebook.com/name", "not_https"),
        ("ftp://www.facebook.com/name", "not_https"),
        ("www.facebook.com/name", "not_https"),
        ("https://facebook.com.evil.org/name", "wrong_host"),
        ("https://evilfacebook.com/name", "wrong_host"),
        ("https://m.facebook.com.evil.org/name", "wrong_host"),
        ("https://www.facebook.co/name", "wrong_host"),
        ("https://x.com/name", "wrong_host"),
        ("https://www.facebook.com@evil.org/name", "wrong_host"),
        ("https://evil.org@www.facebook.com/name", "invalid"),
        ("https://www.facebook.com:8443/name", "invalid"),
        ("https://www.facebook.com:99999/name", "invalid"),
        ("https:///name", "invalid"),
        ("https://www.facebook.com/", "no_profile"),
    ],
)
def test_refuses_other_addresses_with_a_specific_code(url, code):
    with pytest.raises(ValidationError) as raised:
        validate_profile_url(url, FACEBOOK)
    assert raised.value.code == code


def test_messages_are_german_and_name_the_allowed_hosts():
    with pytest.raises(ValidationError) as raised:
        validate_profile_url("https://evilfacebook.com/x", FACEBOOK)
    message = raised.value.messages[0]
    assert "„evilfacebook.com“ ist keine Adresse von Facebook" in message
    assert "www.facebook.com, facebook.com" in message


def test_outdated_host_is_accepted_but_flagged():
    validate_profile_url("https://twitter.com/mswirtschaft", X)
    assert is_outdated_host("https://twitter.com/mswirtschaft", X)
    assert is_outdated_host("https://www.Twitter.com/mswirtschaft", X)
    assert not is_outdated_host("https://x.com/mswirtschaft", X)


@given(
    prefix=st.from_regex(r"[a-z0-9-]{0,8}\.?", fullmatch=True),
    suffix=st.from_regex(r"(\.[a-z]{1,6})?", fullmatch=True),
)
def test_no_lookalike_of_an_allowed_host_passes(prefix, suffix):
    host = f"{prefix}facebook.com{suffix}"
    url = f"https://{host}/name"
    if host in FACEBOOK.host_list:
        validate_profile_url(url, FACEBOOK)
    else:
        with pytest.raises(ValidationError):
            validate_profile_url(url, FACEBOOK)


@pytest.mark.django_db
def test_platform_clean_refuses_urls_and_overlapping_hosts():
    provider = ThirdPartyProvider(name="P", legal_name="P", address="A", country="D")
    platform = Platform(
        name="N", slug="n", profile_hosts="https://n.example/", provider=provider
    )
    with pytest.raises(ValidationError) as raised:
        platform.clean()
    assert "profile_hosts" in raised.value.message_dict
    platform.profile_hosts = "n.example"
    platform.outdated_hosts = "n.example"
    with pytest.raises(ValidationError) as raised:
        platform.clean()
    assert "outdated_hosts" in raised.value.message_dict
