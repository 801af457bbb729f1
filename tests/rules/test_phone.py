"""rules.phone: phone numbers compared in any notation and linked as tel: URIs."""

import pytest

from smgovernance.rules.phone import phone_digits, tel_href


@pytest.mark.parametrize(
    "phone",
    [
        "+49 3731 799-3305",
        "(03731) 799 3305",
        "0049 3731 7993305",
        "03731/799-3305",
        "03731 799\u00a03305",
        "+49 (0)3731 799 3305".replace("(0)", ""),
        " 037317993305 ",
    ],
)
def test_german_notations_give_the_same_number_and_link(phone):
    assert phone_digits(phone) == "037317993305"
    assert tel_href(phone) == "tel:+4937317993305"


def test_the_issues_example():
    assert tel_href("+49 3731 799-3305") == "tel:+4937317993305"


@pytest.mark.parametrize(
    ("phone", "digits", "href"),
    [
        ("+43 1 234567", "00431234567", "tel:+431234567"),
        ("0043 1 234567", "00431234567", "tel:+431234567"),
        ("+420 123 456 789", "00420123456789", "tel:+420123456789"),
    ],
)
def test_foreign_numbers_keep_their_country_code(phone, digits, href):
    assert phone_digits(phone) == digits
    assert tel_href(phone) == href


def test_short_numbers_without_area_code_stay_as_they_are():
    assert phone_digits("115") == "115"
    assert tel_href("115") == "tel:115"


@pytest.mark.parametrize("phone", ["", None, "keine Angabe"])
def test_no_digits(phone):
    assert phone_digits(phone) == ""
    assert tel_href(phone) == "tel:"


def test_href_holds_nothing_but_digits_after_the_plus():
    href = tel_href("(03731) 799-3305 <script>")
    assert href == "tel:+4937317993305"
