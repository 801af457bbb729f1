"""The German catalog of the package is complete and compiled."""

import json
from pathlib import Path

from django.utils import translation

from smgovernance.models import ChannelProfilePage


PO_FILE = (
    Path(__file__).resolve().parent.parent
    / "smgovernance/locale/de/LC_MESSAGES/django.po"
)


def catalog() -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) of every singular entry of the .po file."""
    entries, block = [], []
    for line in [*PO_FILE.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            block.append(line)
            continue
        if block:
            entries.append(block)
        block = []
    result = []
    for block in entries:
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in block)
        fields: dict[str, str] = {}
        key = None
        for line in block:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[key] += _unquote(line)
            else:
                key, _space, rest = line.partition(" ")
                fields[key] = _unquote(rest)
        if fields.get("msgid") and "msgid_plural" not in fields:
            result.append((fields["msgid"], fields["msgstr"], fuzzy))
    return result


def _unquote(text: str) -> str:
    return json.loads(text)  # .po string escapes are a subset of JSON's


def test_every_message_has_a_german_translation():
    untranslated = [msgid for msgid, msgstr, fuzzy in catalog() if not msgstr or fuzzy]
    assert untranslated == []


def test_compiled_catalog_matches_the_po_file():
    with translation.override("de"):
        stale = [
            msgid
            for msgid, msgstr, _fuzzy in catalog()
            if "%" not in msgid and translation.gettext(msgid) != msgstr
        ]
    assert stale == []


def test_model_labels_are_german():
    with translation.override("de"):
        assert str(ChannelProfilePage._meta.verbose_name) == "Social-Media-Kanal"
