"""What an import changes, object by object, for `smgovernance_import --dry-run`.

The export before and after the (rolled-back) import are compared per object,
keyed as the file keys them; each object is new, changed, unchanged or deleted.
"""

from django.utils.translation import gettext

from .schema import SECTIONS


NEW = "new"
CHANGED = "changed"
UNCHANGED = "unchanged"
DELETED = "deleted"


def status_label(status: str) -> str:
    return {
        NEW: gettext("new"),
        CHANGED: gettext("changed"),
        UNCHANGED: gettext("unchanged"),
        DELETED: gettext("deleted"),
    }[status]


def keyed(export: dict) -> dict[tuple[str, str], object]:
    """Every object of an export under (section, key)."""
    objects: dict[tuple[str, str], object] = {}
    for spec in SECTIONS:
        for row in export.get(spec.name) or []:
            if isinstance(row, dict):
                objects[(spec.name, str(row.get(spec.key)))] = row
    for name in ("imprint", "concept"):
        if isinstance(export.get(name), dict):
            objects[(name, str(export[name].get("slug")))] = export[name]
    for row in export.get("evaluations") or []:
        if isinstance(row, dict):
            key = f"{row.get('date')} {row.get('evaluator')}"
            objects[("evaluations", key)] = row
    for row in export.get("awareness_actions") or []:
        if isinstance(row, dict):
            key = " ".join(str(row[n]) for n in ("date", "kind", "link") if row.get(n))
            objects[("awareness_actions", key)] = row
    return objects


def compare(before: dict, after: dict, touched: set[tuple[str, str]]) -> list[str]:
    """One German line per object the file names or the import changed."""
    old, new = keyed(before), keyed(after)
    lines = []
    for name_key in [*new, *(k for k in old if k not in new)]:
        if name_key not in old:
            status = NEW
        elif name_key not in new:
            status = DELETED
        elif old[name_key] != new[name_key]:
            status = CHANGED
        elif name_key in touched:
            status = UNCHANGED
        else:
            continue
        section, key = name_key
        lines.append(f"{status_label(status)}: {section} „{key}“")
    return lines
