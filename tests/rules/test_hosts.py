"""rules.hosts: profile hosts and replaced hosts, compared by host name only (O-6, O-13)."""

import pytest

from smgovernance.rules.hosts import is_outdated_host, split_hosts, url_host


OUTDATED = ["twitter.com", "www.twitter.com"]


def test_hosts_come_one_per_line_or_comma_separated_in_lower_case():
    value = "www.facebook.com\nFacebook.com, m.facebook.com\n\n  \n"
    assert split_hosts(value) == ["www.facebook.com", "facebook.com", "m.facebook.com"]


@pytest.mark.parametrize("value", ["", None, "\n , \n"])
def test_no_hosts(value):
    assert split_hosts(value) == []


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://twitter.com/x", "twitter.com"),
        ("https://twitter.com:443/x", "twitter.com"),
        ("https://twitter.com:8443/x", "twitter.com"),
        ("https://Twitter.COM/x", "twitter.com"),
        ("https://twitter.com./x", "twitter.com"),
        ("https://user:pw@twitter.com/x", "twitter.com"),
        ("  https://x.com/wirtschaft  ", "x.com"),
        ("https://twitter.com.evil.example/x", "twitter.com.evil.example"),
        ("https://[::1", ""),
        ("twitter.com/x", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_url_host_is_the_host_name_without_port_or_trailing_dot(url, host):
    assert url_host(url) == host


@pytest.mark.parametrize(
    "url",
    [
        "https://twitter.com/wirtschaft_ms",
        "https://twitter.com:443/x",
        "https://www.twitter.com/wirtschaft_ms",
        "HTTPS://TWITTER.COM/x",
        "https://twitter.com./x",
        "https://someone@twitter.com/x",
    ],
)
def test_replaced_host_is_found_in_any_spelling(url):
    assert is_outdated_host(url, OUTDATED)


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/wirtschaft_ms",
        "https://nottwitter.com/x",
        "https://twitter.com.evil.example/x",
        "https://mobile.twitter.com/x",
        "https://example.org/twitter.com",
        "twitter.com/x",
        "",
        "https://[::1",
    ],
)
def test_other_hosts_and_unreadable_addresses_are_not_outdated(url):
    assert not is_outdated_host(url, OUTDATED)


def test_no_outdated_hosts_means_nothing_is_outdated():
    assert not is_outdated_host("https://twitter.com/x", [])


def test_hosts_field_and_url_agree_on_spelling():
    """A host typed in any case in the platform's field matches the URL's host."""
    assert is_outdated_host("https://twitter.com:443/x", split_hosts("Twitter.com"))
