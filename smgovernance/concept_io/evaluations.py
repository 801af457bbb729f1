"""Evaluations in an import file: how the file names them, the order they are
written in (what is corrected before its correction), and the rules of a
correction chain."""

from django.utils.translation import gettext


def evaluation_key(row: object) -> dict:
    """How the file names an evaluation (also in `corrects`): date and evaluator."""
    row = row if isinstance(row, dict) else {}
    return {"date": row.get("date"), "evaluator": row.get("evaluator")}


def key_of(row: dict) -> tuple[str, object]:
    return (str(row.get("date")), row.get("evaluator"))


def evaluation_order(rows: list) -> list[int]:
    """Indexes of the evaluation rows, each corrected evaluation before its
    corrections (whatever the file's order). Rows in a cycle keep their order;
    the validator refuses them."""
    index = {key_of(r): i for i, r in enumerate(rows) if isinstance(r, dict)}
    order: list[int] = []
    placed: set[int] = set()

    def place(i: int, visiting: frozenset = frozenset()) -> None:
        if i in placed or i in visiting:
            return
        corrects = rows[i].get("corrects") if isinstance(rows[i], dict) else None
        if isinstance(corrects, dict):
            target = index.get(key_of(corrects))
            if target is not None:
                place(target, visiting | {i})
        placed.add(i)
        order.append(i)

    for i in range(len(rows)):
        place(i)
    return order


def correction_errors(where: str, row: dict, rows: list) -> list[str]:
    """A correction is not older than what it corrects, and a chain of
    corrections in the file never comes back to where it started."""
    errors = []
    corrects = row["corrects"]
    if str(corrects.get("date")) > str(row.get("date")):
        errors.append(
            f"{where}.corrects: "
            + gettext(
                "a correction cannot be older than the evaluation it corrects "
                "(%(date)s)."
            )
            % {"date": corrects.get("date")}
        )
    by_key = {key_of(r): r for r in rows if isinstance(r, dict)}
    start = key_of(row)
    seen = {start}
    current = corrects
    while isinstance(current, dict):
        key = key_of(current)
        if key == start:
            errors.append(
                f"{where}.corrects: "
                + gettext(
                    "the corrections form a cycle: an evaluation corrects "
                    "itself through others."
                )
            )
            break
        if key in seen or key not in by_key:
            break
        seen.add(key)
        current = by_key[key].get("corrects")
    return errors
