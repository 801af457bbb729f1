"""German phone numbers: compare them, and link them as `tel:` URIs."""

import re


def phone_digits(phone: str) -> str:
    """Digits of a German phone number in national form: "+49 3731 799-3305" -> "037317993305"."""
    digits = re.sub(r"\D", "", phone or "")
    if (phone or "").strip().startswith("+"):
        digits = "0" + digits[2:] if digits.startswith("49") else "00" + digits
    elif digits.startswith("0049"):
        digits = "0" + digits[4:]
    return digits


def tel_href(phone: str) -> str:
    """A `tel:` URI in international form, e.g. "tel:+4937317993305"."""
    digits = phone_digits(phone)
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):
        return f"tel:+49{digits[1:]}"
    return f"tel:{digits}"
