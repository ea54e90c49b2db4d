"""The HTML report against the JSON report on the same documents: time and size.

    python bench/html_report.py [-n 200] [--keep DIR]

Generates N PDFs as bench/bench.py does (needs the test extra: reportlab), then times
``ent-lint --format json -o`` and ``ent-lint --format html -o`` on them, each run three times,
twice over: with the results cache warm (what a report costs beyond the checks, since every
document is read from the cache) and without the cache (end to end).  Prints the medians, their
ratio and the size of each report, and the size of ``--format html --images``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import generate  # noqa: E402  (bench/bench.py: the same generated documents)

COMMAND = str(Path(sys.executable).parent / "ent-lint")


def timed(args: list[str], runs: int = 3) -> float:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([COMMAND, *args], capture_output=True, text=True)
        seconds.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"ent-lint failed ({done.returncode}): {done.stderr[-2000:]}")
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="documents (default 200)")
    parser.add_argument("--keep", type=Path, help="generate the documents here and keep them")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        folder = options.keep or work / "docs"
        paths = generate(folder, options.n) if not list(folder.glob("*.pdf")) else sorted(folder.glob("*.pdf"))
        cache = work / "cache"
        files = [str(p) for p in paths]
        print(f"{len(files)} documents")
        subprocess.run([COMMAND, "--cache-dir", str(cache), "--format", "json", "-o", str(work / "warm.json"), *files],
                       capture_output=True)
        rows = []
        for label, extra in (("cache warm", ["--cache-dir", str(cache)]), ("no cache", ["--no-cache"])):
            runs = 3 if extra[0] == "--cache-dir" else 1
            json_s = timed([*extra, "--format", "json", "-o", str(work / "r.json"), *files], runs)
            html_s = timed([*extra, "--format", "html", "-o", str(work / "r.html"), *files], runs)
            rows.append((label, json_s, html_s))
        sizes = {name: (work / f"r.{name}").stat().st_size for name in ("json", "html")}
        images_s = timed(["--cache-dir", str(cache), "--format", "html", "--images", "-o", str(work / "i.html"), *files], 1)
        images = (work / "i.html").stat().st_size
    print(f"{'':<12} {'json s':>8} {'html s':>8} {'html/json':>10}")
    for label, json_s, html_s in rows:
        print(f"{label:<12} {json_s:>8.2f} {html_s:>8.2f} {html_s / json_s:>10.2f}")
    print(f"sizes: json {sizes['json'] / 1e6:.2f} MB, html {sizes['html'] / 1e6:.2f} MB; "
          f"html --images {images / 1e6:.1f} MB in {images_s:.1f} s (cache warm)")


if __name__ == "__main__":
    main()
