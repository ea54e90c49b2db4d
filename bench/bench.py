"""Benchmark: raw text extraction against ent-lint end to end, the cache, memory and start time.

Generates an archive of N realistic PDFs from the fixture documents (1-page extracts, 3-page
minutes, 8-page conventions with a schools table, some laid out in two columns), each made
unique so that no two share a content hash, then prints, on the same files:

- raw text extraction with pdfplumber and with pypdfium2 (pages/s);
- ent-lint end to end with -j 1 and -j <cores>, without the cache (documents/s, pages/s, the
  ratio to raw pypdfium2, median and p95 latency per document);
- the same run cold and warm with the results cache;
- peak RSS (the whole process tree) for N and for 10 x N documents;
- the same archive on a Dask LocalCluster of 2 worker processes against ``-j 2`` (documents/s
  each and the ratio: the engine's overhead), documents sent as bytes and read from the shared disk;
- word-processor PDFs of a text page and an empty page against raw pypdfium2, and a scanned
  register with its blank versos against its rectos alone;
- the start time of ``ent-lint --version`` and ``ent-lint rules``.

Usage: ``python bench/bench.py [-n 200] [--keep DIR]`` (needs ``pip install '.[test]'`` for
reportlab).  Nothing is asserted: the figures are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # hostile.py's generators
DOCUMENTS = ROOT / "fixtures" / "documents"
ENT_LINT = str(Path(sys.executable).parent / "ent-lint")

FILLER = (
    "Le rapporteur rappelle le contexte de la délibération, les crédits inscrits au budget de "
    "l'exercice et l'avis favorable de la commission compétente réunie au préalable. "
)


# --- the archive ----------------------------------------------------------------------------

def _story(lines: list[str], styles, *, pages_of_filler: int = 0):
    from reportlab.lib import colors
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    body = styles["BodyText"]
    cell = body.clone("cell", fontSize=8, leading=9.5)
    story, rows = [], []

    def flush():
        if rows:
            table = Table([[Paragraph(escape(c), cell) for c in row] for row in rows],
                          colWidths=[1.6 * cm, 2.4 * cm, 3.2 * cm, 5 * cm, 4.6 * cm], repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(table)
            rows.clear()

    for line in lines:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
            continue
        flush()
        story.append(Paragraph(escape(line), body) if line.strip() else Spacer(1, 4))
    flush()
    for _ in range(pages_of_filler):
        story.append(PageBreak())
        story.extend(Paragraph(escape(FILLER * 3), body) for _ in range(9))
    return story


def _render(path: Path, lines: list[str], *, two_columns: bool, pages_of_filler: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, SimpleDocTemplate

    story = _story(lines, getSampleStyleSheet(), pages_of_filler=pages_of_filler)
    if two_columns:
        doc = BaseDocTemplate(str(path), pagesize=A4)
        width = (doc.width - 0.6 * cm) / 2
        frames = [Frame(doc.leftMargin, doc.bottomMargin, width, doc.height, id="left"),
                  Frame(doc.leftMargin + width + 0.6 * cm, doc.bottomMargin, width, doc.height, id="right")]
        doc.addPageTemplates([PageTemplate(id="two", frames=frames)])
        doc.build(story)
    else:
        SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm).build(story)


KINDS = [
    # (fixture, filler pages, two columns): about 1, 3 and 8 pages
    ("extrait-compteurs-en-ligne", 0, False),
    ("extrait-communautaire", 0, False),
    ("extrait-quorum", 0, True),
    ("pv-trois-deliberations", 2, False),
    ("pv-votes", 2, True),
    ("convention-ecoles-tableau", 6, False),
    ("extrait-dates-en-lettres", 2, False),
    ("convention-defauts", 6, False),
]


TEXT_3_PAGES = [("pv-trois-deliberations", 2, False), ("extrait-dates-en-lettres", 2, False),
                ("pv-votes", 2, False), ("extrait-communautaire", 2, False)]


def generate(folder: Path, count: int, kinds=KINDS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2023)
    paths = []
    for index in range(count):
        name, filler, two = kinds[index % len(kinds)]
        lines = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        # unique content: a reference line, so that no two documents share a hash
        lines.insert(1, f"Référence interne : BENCH-{index:05d}-{rng.randrange(10**6):06d}")
        path = folder / f"{index:05d}-{name}.pdf"
        _render(path, lines, two_columns=two, pages_of_filler=filler)
        paths.append(path)
    return paths


# --- measurements ---------------------------------------------------------------------------

def pages_of(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        total += len(pdf)
        pdf.close()
    return total


def raw_pypdfium2(paths: list[Path]) -> float:
    import pypdfium2 as pdfium

    started = time.perf_counter()
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            page.get_textpage().get_text_range()
        pdf.close()
    return time.perf_counter() - started


def raw_pdfplumber(paths: list[Path]) -> float:
    import pdfplumber

    started = time.perf_counter()
    for path in paths:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
    return time.perf_counter() - started


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_ent_lint(args: list[str], *, cwd: Path) -> tuple[float, int, str]:
    """Wall time, peak RSS of the process tree (KiB), and stdout of one ent-lint run."""
    started = time.perf_counter()
    process = subprocess.Popen([ENT_LINT, *args], cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    peak = 0
    chunks: list[str] = []
    reader = threading.Thread(target=lambda: chunks.append(process.stdout.read()))
    reader.start()
    while process.poll() is None:
        peak = max(peak, _tree_rss_kib(process.pid))
        time.sleep(0.02)
    reader.join()
    return time.perf_counter() - started, peak, "".join(chunks)


def latencies(junit: str) -> list[float]:
    return sorted(float(case.get("time")) for case in ET.fromstring(junit).iter("testcase"))


def start_time(args: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([ENT_LINT, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def ocr_section(cores: int) -> None:
    """OCR seconds per page over the scanned fixtures, one tesseract at a time, then side by side."""
    from ent_lint.api import extract
    from ent_lint.readers import ocr

    reason = ocr.available()
    print("\nOCR of the scanned fixtures (fixtures/scans: 200 dpi, askew, blurred)")
    if reason:
        print(f"  skipped: {reason}")
        return
    scans = sorted((ROOT / "fixtures" / "scans").glob("*.pdf"))
    pages = pages_of(scans)
    for threads in sorted({1, cores}):
        started = time.perf_counter()
        for path in scans:
            extract(str(path), ocr_threads=threads)
        seconds = time.perf_counter() - started
        print(f"  {threads} tesseract{'s' if threads > 1 else ''} at a time: {len(scans)} documents, {pages} pages,"
              f" {seconds:.2f} s = {seconds / pages:.2f} s a page")
    seconds, _, _ = run_ent_lint(["--no-cache", "--format", "concise", "-j", str(cores),
                                  str(ROOT / "fixtures" / "scans")], cwd=ROOT)
    print(f"  ent-lint -j {cores} over the folder: {seconds:.2f} s = {seconds / pages:.2f} s a page")


def blank_pages_section(work: Path, count: int) -> None:
    """Word-processor PDFs of one text page and one empty page (a page break, no object on it):
    the empty page is neither rendered nor sent to tesseract."""
    import hostile

    folder = work / "blank-page"
    folder.mkdir()
    paths = []
    for index in range(count):
        lines = [*hostile.TEXT_LINES, f"Référence interne : BENCH-{index:05d}"]
        paths.append(hostile.text_pdf(folder / f"{index:05d}.pdf", lines, blank_pages=1))
    pages = pages_of(paths)
    fast = raw_pypdfium2(paths)
    lint, _, _ = run_ent_lint(["--no-cache", "--format", "concise", "-j", "1", str(folder)], cwd=work)
    print(f"\nword-processor PDFs with a blank page: {len(paths)} documents, {pages} pages, one process")
    print(f"  pypdfium2 get_text_range  {fast:7.2f} s  {pages / fast:8.1f} pages/s")
    print(f"  ent-lint -j 1             {lint:7.2f} s  {pages / lint:8.1f} pages/s  = {lint / fast:.2f} x raw pypdfium2")


def versos_section(work: Path, cores: int, sheets: int = 4) -> None:
    """A scanned register of ``sheets`` sheets with their blank versos (paper grey, show-through,
    specks) against the same rectos alone: the versos are rendered but not sent to tesseract."""
    import hostile
    from ent_lint.readers import ocr

    print(f"\nscans with blank versos ({sheets} sheets at 200 dpi)")
    if ocr.available():
        print(f"  skipped: {ocr.available()}")
        return
    with_versos = hostile.scan_pdf(work / "versos.pdf", sheets)
    rectos = hostile.scan_pdf(work / "rectos.pdf", sheets, versos=False)
    for label, path in ((f"{2 * sheets} pages, rectos and versos", with_versos), (f"{sheets} pages, rectos only", rectos)):
        seconds, _, _ = run_ent_lint(["--no-cache", "--format", "concise", "-j", "1", str(path)], cwd=work)
        print(f"  {label:<32} {seconds:6.2f} s")


def cluster_section(folder: Path, count: int, pages: int, work: Path, workers: int = 2, runs: int = 3) -> None:
    """The archive on a Dask LocalCluster of ``workers`` processes (one thread each) against
    ``-j workers``: the median of ``runs`` runs each, the cluster started beforehand (it is
    long-lived), the command line's start, connection and rule loading on the workers counted.
    A run over one document gives each way's fixed cost, and the documents/s beyond it."""
    print(f"\nDask cluster: LocalCluster of {workers} worker processes against -j {workers}, no cache"
          f" (median of {runs})")
    try:
        import dask
        from distributed import LocalCluster
    except ImportError:
        print("  skipped: pip install 'ent-lint[dask]'")
        return
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)
    config = {"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}
    one = str(sorted(folder.glob("*.pdf"))[0])
    with dask.config.set(config), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               dashboard_address=":0") as cluster:
        address = cluster.scheduler_address
        ways = {f"-j {workers}": ["-j", str(workers)], "cluster, bytes": ["--scheduler", address],
                "cluster, shared storage": ["--scheduler", address, "--shared-storage"]}
        times: dict[str, list[float]] = {label: [] for label in ways}
        fixed: dict[str, list[float]] = {label: [] for label in ways}
        for _ in range(runs):  # interleaved, so that a busy moment of the machine weighs on each
            for label, options in ways.items():
                for target, measured in ((str(folder), times), (one, fixed)):
                    seconds, _, _ = run_ent_lint(["--no-cache", "--format", "concise", *options, target], cwd=work)
                    measured[label].append(seconds)
    local = statistics.median(times[f"-j {workers}"])
    local_beyond = (count - 1) / (local - statistics.median(fixed[f"-j {workers}"]))
    for label in ways:
        seconds, start = statistics.median(times[label]), statistics.median(fixed[label])
        beyond = (count - 1) / (seconds - start)
        print(f"  {label:<24} {seconds:7.2f} s  {count / seconds:7.1f} docs/s  {pages / seconds:7.1f} pages/s"
              f"  {local / seconds * 100:5.1f} % of -j {workers}'s throughput;  one document {start:5.2f} s,"
              f" beyond it {beyond:6.1f} docs/s = {beyond / local_beyond * 100:5.1f} %")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="documents in the archive (default 200)")
    parser.add_argument("--keep", type=Path, help="generate the archive here and keep it")
    parser.add_argument("--no-rss", action="store_true", help="skip the 10 x N memory run")
    options = parser.parse_args()
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="ent-lint-bench-"))
    folder = options.keep or work / "archive"
    try:
        print(f"ent-lint benchmark: {options.n} PDFs, {cores} cores, Python {sys.version.split()[0]}")
        started = time.perf_counter()
        paths = sorted(folder.glob("*.pdf")) if options.keep and folder.exists() else []
        if len(paths) != options.n:
            shutil.rmtree(folder, ignore_errors=True)
            paths = generate(folder, options.n)
        pages = pages_of(paths)
        print(f"archive: {len(paths)} documents, {pages} pages ({pages / len(paths):.1f} a document), "
              f"made in {time.perf_counter() - started:.1f} s")

        fast = raw_pypdfium2(paths)
        slow = raw_pdfplumber(paths)
        print("\nraw text extraction (one process)")
        print(f"  pdfplumber extract_text   {slow:7.2f} s  {pages / slow:8.1f} pages/s")
        print(f"  pypdfium2 get_text_range  {fast:7.2f} s  {pages / fast:8.1f} pages/s")

        print("\nent-lint end to end, no cache")
        rows = {}
        for jobs in sorted({1, cores}):
            seconds, peak, out = run_ent_lint(["--no-cache", "--format", "junit", "-j", str(jobs), str(folder)],
                                              cwd=work)
            times = latencies(out)
            rows[jobs] = seconds
            print(f"  -j {jobs:<2} {seconds:7.2f} s  {len(paths) / seconds:7.1f} docs/s  {pages / seconds:7.1f} pages/s"
                  f"  {seconds / fast:5.2f} x raw pypdfium2  {slow / seconds:5.2f} x faster than pdfplumber"
                  f"  latency median {statistics.median(times) * 1000:.0f} ms,"
                  f" p95 {times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms")
        if cores > 1:
            print(f"  speed-up -j {cores} over -j 1: {rows[1] / rows[cores]:.2f} x")

        print(f"\nresults cache (-j {cores})")
        cache = work / "cache"
        cold, _, _ = run_ent_lint(["--cache-dir", str(cache), "--format", "concise", str(folder)], cwd=work)
        warm, _, _ = run_ent_lint(["--cache-dir", str(cache), "--format", "concise", str(folder)], cwd=work)
        print(f"  cold {cold:7.2f} s   warm {warm:7.2f} s   warm is {cold / warm:.1f} x faster")

        if not options.no_rss:
            print(f"\npeak RSS of the process tree (-j {cores}, no cache, JSON lines to a pipe)")
            _, small, _ = run_ent_lint(["--no-cache", "--format", "json-lines", str(folder)], cwd=work)
            _, large, _ = run_ent_lint(["--no-cache", "--format", "json-lines", *[str(folder)] * 10], cwd=work)
            print(f"  N = {len(paths):<6} {small / 1024:7.1f} MiB")
            print(f"  10 x N = {10 * len(paths):<6} {large / 1024:7.1f} MiB  ({(large / small - 1) * 100:+.1f} %)")

        cluster_section(folder, len(paths), pages, work)

        print("\n3-page text PDFs (no table), one process")
        text3 = work / "text3"
        paths3 = generate(text3, options.n, TEXT_3_PAGES)
        pages3 = pages_of(paths3)
        fast3, slow3 = raw_pypdfium2(paths3), raw_pdfplumber(paths3)
        lint3, _, _ = run_ent_lint(["--no-cache", "--format", "concise", "-j", "1", str(text3)], cwd=work)
        print(f"  {len(paths3)} documents, {pages3} pages")
        print(f"  pdfplumber extract_text   {slow3:7.2f} s  {pages3 / slow3:8.1f} pages/s")
        print(f"  pypdfium2 get_text_range  {fast3:7.2f} s  {pages3 / fast3:8.1f} pages/s")
        print(f"  ent-lint -j 1             {lint3:7.2f} s  {pages3 / lint3:8.1f} pages/s"
              f"  = {lint3 / fast3:.2f} x raw pypdfium2, {slow3 / lint3:.2f} x faster than pdfplumber alone")

        blank_pages_section(work, options.n)
        ocr_section(cores)
        versos_section(work, cores)

        print("\nstart time (median of 7)")
        print(f"  ent-lint --version  {start_time(['--version']) * 1000:6.0f} ms")
        print(f"  ent-lint rules      {start_time(['rules']) * 1000:6.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
