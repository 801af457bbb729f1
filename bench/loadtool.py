"""The HTTP load generator: wrk (Debian's package) when installed, else a Python loop.

Every result says which tool produced it (`tool`), so a table never mixes them
silently. wrk saturates the server at a fraction of the client CPU the Python
loop needs; the loop stays only as a fallback for machines without wrk.
"""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench import common


def tool() -> str:
    return "wrk" if shutil.which("wrk") else "python"


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
    return round(float(number) * factor, 2)


def _percentile(percentiles: dict[str, str], name: str) -> float | None:
    """A latency percentile; wrk leaves a line out when too few requests finished."""
    value = percentiles.get(name)
    return _milliseconds(value) if value else None


def parse_wrk(output: str) -> dict:
    """Requests/s, p50/p99 latency and errors (non-2xx/3xx, socket errors, timeouts)."""
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(
        re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.MULTILINE)
    )
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return {
        "requests": requests,
        "requests_per_second": round(rps, 1),
        "latency_p50_ms": _percentile(percentiles, "50"),
        "latency_p99_ms": _percentile(percentiles, "99"),
        "errors": errors,
    }


ROUND_ROBIN = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def run_wrk(port: int, paths: list[str], connections: int, seconds: float) -> dict:
    threads = max(1, min(2, connections))
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={max(1, round(seconds))}s",
        "--timeout=10s",
        "--latency",
    ]
    with tempfile.TemporaryDirectory() as folder:
        if len(paths) > 1:
            script = Path(folder) / "paths.lua"
            script.write_text(ROUND_ROBIN % ", ".join(f'"{p}"' for p in paths))
            command.append(f"--script={script}")
        command.append(f"http://{common.HOST}:{port}{paths[0]}")
        output = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 60, check=True
        ).stdout
    return {
        "tool": "wrk",
        "connections": connections,
        "seconds": seconds,
        **parse_wrk(output),
    }


def generate_load(
    port: int, paths: list[str], connections: int, seconds: float
) -> dict:
    """Load `paths` round-robin for `seconds`; wrk when installed."""
    if tool() == "wrk":
        return run_wrk(port, paths, connections, seconds)
    return {"tool": "python", **common.generate_load(port, paths, connections, seconds)}
