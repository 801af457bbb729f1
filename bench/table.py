"""The Markdown table of `make bench` (bench/run.py): rows from the measured phases.

Each row is (figure, demo, grown, target, met); `met` says "n/a" where a figure
could not be measured, never a guess.
"""

from bench import listing


TARGETS = {
    "queries": "≤ 10 per page, flat as content grows",
    "render": "≤ 1.5 × bare page",
    "throughput": "cached ≥ 0.5 × static, 0 errors",
    "weight": "0 third-party requests, own JS+CSS ≤ 10 kB",
    "compliance": "≤ 30 queries over 2,000 channels",
}


def measured(demo: dict, grown: dict, key: str) -> bool | None:
    """True when both phases have the figure; None (n/a) otherwise."""
    return True if key in demo and key in grown else None


def met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**not met**")


def not_measured(title: str, demo: dict, grown: dict, target: str) -> tuple:
    """The row of a figure that could not be measured: the reasons, "n/a"."""
    return (title, demo["note"], grown.get("note", ""), TARGETS[target], "n/a")


def build_rows(
    phases: dict, pairs: int, check_channels: int
) -> list[tuple[str, str, str, str, str]]:
    demo, grown = phases["demo"], phases["grown"]
    rows = []
    labels = [k for k in demo["pages"] if k != "bare HomePage"] + [
        k for k in grown["pages"] if k not in demo["pages"]
    ]

    def page_figure(phase: dict, label: str, key: str) -> str:
        entry = phase["pages"].get(label, {})
        if key in entry:
            return str(entry[key])
        return f"HTTP {entry['status']}" if "status" in entry else "–"

    flat = True
    worst_q = 0
    for label in labels:
        d, g = demo["pages"].get(label, {}), grown["pages"].get(label, {})
        worst_q = max(worst_q, d.get("queries", 0), g.get("queries", 0))
        if "queries" in d and "queries" in g and g["queries"] > d["queries"]:
            flat = False
        rows.append(
            (
                f"SQL queries: {label} ({d.get('url') or g.get('url')})",
                page_figure(demo, label, "queries"),
                page_figure(grown, label, "queries"),
                "≤ 10",
                met(
                    measured(d, g, "queries") and max(d["queries"], g["queries"]) <= 10
                ),
            )
        )
    worst_r = 0.0
    for label in labels:
        d, g = demo["pages"].get(label, {}), grown["pages"].get(label, {})
        worst_r = max(worst_r, d.get("ratio", 0), g.get("ratio", 0))
        rows.append(
            (
                f"render time ÷ bare page: {label}",
                page_figure(demo, label, "ratio"),
                page_figure(grown, label, "ratio"),
                "≤ 1.5",
                met(measured(d, g, "ratio") and max(d["ratio"], g["ratio"]) <= 1.5),
            )
        )
    for label in labels:
        rows.append(
            (
                f"HTML kB: {label}",
                kilobytes(demo["pages"].get(label, {})),
                kilobytes(grown["pages"].get(label, {})),
                "",
                "",
            )
        )
    rows.append(
        (
            "reference: bare HomePage, median render ms · queries",
            " · ".join(
                page_figure(demo, "bare HomePage", k) for k in ("median_ms", "queries")
            ),
            " · ".join(
                page_figure(grown, "bare HomePage", k) for k in ("median_ms", "queries")
            ),
            "reference",
            "",
        )
    )
    dh, gh = demo["http"], grown["http"]
    for key, title in (
        ("cached", f"cached page {dh['page']}"),
        ("uncached", f"uncached page {dh['page']}"),
        ("static_file", "static file (whitenoise)"),
    ):
        rows.append(
            (
                f"HTTP {title}: req/s · p50 · p99 ms · errors",
                http_figure(dh[key]),
                http_figure(gh[key]),
                "0 errors",
                met(dh[key]["errors"] == 0 and gh[key]["errors"] == 0),
            )
        )
    errors = sum(
        p["http"][k]["errors"]
        for p in (demo, grown)
        for k in ("cached", "uncached", "static_file")
    )
    for kind in ("listing_cached", "listing_uncached"):
        for url in dh[kind]:
            rows.append(
                (
                    f"HTTP {kind.split('_')[1]} listing page {url}: req/s · p50 · p99 ms · errors",
                    http_figure(dh[kind][url]),
                    http_figure(gh[kind][url]),
                    "0 errors",
                    met(dh[kind][url]["errors"] == 0 == gh[kind][url]["errors"]),
                )
            )
    rows.append(
        (
            "page cache verified (X-Cache: HIT)",
            str(dh["cache_verified"]),
            str(gh["cache_verified"]),
            "true, else the run fails",
            met(dh["cache_verified"] and gh["cache_verified"]),
        )
    )
    rows.append(
        (
            f"cached ÷ static throughput, median [range] of {pairs} interleaved pairs",
            f"{dh['cached_to_static']} {dh['cached_to_static_range']}",
            f"{gh['cached_to_static']} {gh['cached_to_static_range']}",
            "≥ 0.5, 0 errors",
            met(
                min(dh["cached_to_static"], gh["cached_to_static"]) >= 0.5
                and errors == 0
            ),
        )
    )
    dw, gw = dh["weight"], gh["weight"]
    if "note" in dw:
        rows.append(
            not_measured(
                "page weight, 10 Vimeo blocks, before consent", dw, gw, "weight"
            )
        )
    else:
        for key, title in (("bytes", "bytes"), ("requests", "requests")):
            rows.append(
                (
                    f"10 Vimeo blocks before consent: {title}",
                    str(dw[key]),
                    str(gw[key]),
                    "",
                    "",
                )
            )
        rows.append(
            (
                "10 Vimeo blocks: third-party requests",
                str(dw["third_party_requests"]),
                str(gw["third_party_requests"]),
                "0",
                met(dw["third_party_requests"] == gw["third_party_requests"] == 0),
            )
        )
        rows.append(
            (
                "10 Vimeo blocks: consent JS+CSS bytes served (decoded)",
                f"{dw['consent_js_css_bytes']} ({dw['consent_js_css_decoded_bytes']})",
                f"{gw['consent_js_css_bytes']} ({gw['consent_js_css_decoded_bytes']})",
                "≤ 10 kB",
                met(
                    0
                    < max(dw["consent_js_css_bytes"], gw["consent_js_css_bytes"])
                    <= 10240
                ),
            )
        )
        rows.append(
            (
                "10 Vimeo blocks: the page's JS+CSS in all, with KERN UX and the "
                "site's style, served (decoded)",
                f"{dw['own_js_css_bytes']} ({dw['own_js_css_decoded_bytes']})",
                f"{gw['own_js_css_bytes']} ({gw['own_js_css_decoded_bytes']})",
                "",
                "",
            )
        )
    dc, gc = demo["compliance"], grown["compliance"]
    if "note" in dc:
        rows.append(
            not_measured("compliance run: queries · seconds", dc, gc, "compliance")
        )
    else:
        rows.append(
            (
                "compliance run of the demo body: channels · queries · seconds",
                f"{dc['channels']} · {dc['queries']} · {dc['seconds']}",
                f"{gc['channels']} · {gc['queries']} · {gc['seconds']}",
                "≤ 30 queries at 2,000",
                met(gc["queries"] <= 30 and gc["channels"] >= check_channels),
            )
        )
    rows.append(
        (
            "**targets**: queries ≤ 10 and flat",
            f"max {worst_q}",
            "flat" if flat else "grows",
            TARGETS["queries"],
            met(worst_q <= 10 and flat),
        )
    )
    rows.append(
        (
            "**targets**: render",
            f"max {worst_r}",
            "",
            TARGETS["render"],
            met(worst_r <= 1.5),
        )
    )
    return rows


def kilobytes(entry: dict) -> str:
    return f"{entry['html_bytes'] / 1024:.1f}" if "html_bytes" in entry else "–"


def listing_rows(small: dict, large: dict, editor: dict, channels: tuple) -> list:
    """Listing pages at 20 and 2,000 channels (page cache off) and the editor."""
    rows = []
    few, many = channels
    for label in listing.LISTING:
        s, g = small[label], large[label]
        rows.append(
            (
                f"{label}: ms fragments off · warm · queries · kB ({s['url']})",
                f"{s['uncached_ms']} · {s['warm_ms']} · {s['queries']} · {s['html_bytes'] / 1024:.0f}",
                f"{g['uncached_ms']} · {g['warm_ms']} · {g['queries']} · {g['html_bytes'] / 1024:.0f}",
                "",
                "",
            )
        )
        rows.append(
            (
                f"{label}: uncached ÷ bare page at {few} channels",
                str(s["uncached_ratio"]),
                "",
                "≤ 2",
                met(s["uncached_ratio"] <= 2),
            )
        )
    imprint = round(large["imprint"]["warm_ms"] / small["imprint"]["warm_ms"], 2)
    rows.append(
        (
            f"imprint, warm fragments: {many} ÷ {few} channels",
            str(imprint),
            "",
            "≤ 3",
            met(imprint <= 3),
        )
    )
    for label, entry in editor.items():
        rows.append(
            (
                f"editor at {many} channels: {label} s (max) · queries",
                "",
                f"{entry['median_s']} ({entry['max_s']}) · {entry['queries']}",
                "< 0.5 s" if label.startswith("edit") else "",
                met(entry["median_s"] < 0.5) if label.startswith("edit") else "",
            )
        )
    return rows


def http_figure(run: dict) -> str:
    spread = run.get("requests_per_second_range")
    rps = f"{run['requests_per_second']}" + (
        f" [{spread[0]}–{spread[1]}]" if spread else ""
    )
    return (
        f"{rps} · {run['latency_p50_ms']} · "
        f"{run['latency_p99_ms']} · {run['errors']} ({run.get('tool', '?')})"
    )


def markdown(rows: list[tuple[str, ...]], grown_title: str) -> str:
    header = ("figure", "demo", grown_title, "target", "met")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
