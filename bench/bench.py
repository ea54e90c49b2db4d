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
- ``-j <cores>`` against ``-j 1`` on the archive: the two interleaved, the median of repeats,
  with the machine's load average during the runs (other processes share the cores);
- word-processor PDFs of a text page and an empty page against raw pypdfium2, and a scanned
  register with its blank versos against its rectos alone;
- where the time goes on the word-processor PDFs, stage by stage;
- the start time of ``ent-lint --version`` and ``ent-lint rules``.

"Raw pypdfium2" is what a text extractor does at the least: open each PDF and take the text of
each page, in one process, over the same files.  It is timed twice: the loop alone in this
process (pypdfium2 already imported), and as a command (a fresh Python that imports pypdfium2
and runs the loop), which pays the same start-up as the ``ent-lint`` command it is compared
with.  ent-lint is always one command over the whole folder, never one command per file.  The
commands run with Python's compiled modules cached (in a folder of the benchmark's), as an
installed package has them, even where ``PYTHONDONTWRITEBYTECODE`` is set, and with ent-lint's
compiled patterns kept (ent_lint/pattern_store.py, in a cache folder of the benchmark's, by a run
with the cache before the timed ones, which run without it), as any run after a user's first has
them; the "start" section shows one document with and without them.

Usage: ``python bench/bench.py [-n 200] [--keep DIR] [--repeats 3] [--only SECTION ...]``
(needs ``pip install '.[test]'`` for reportlab).  Nothing is asserted: the figures are printed.
"""

from __future__ import annotations

import argparse
import hashlib
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
#: the environment of the commands timed (see the module's docstring); set by :func:`main`
ENV = dict(os.environ)
SECTIONS = ("archive", "scaling", "cache", "rss", "cluster", "text3", "blank", "stages", "ocr", "versos", "start")

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


#: raw pypdfium2 as a command: a fresh Python, pypdfium2 imported, open + text of each page of
#: the PDFs of a folder (or of one file)
RAW_SCRIPT = """
import sys
from pathlib import Path
import pypdfium2 as pdfium
target = Path(sys.argv[1])
for path in sorted(target.glob("*.pdf")) if target.is_dir() else [target]:
    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()
"""


def raw_command(target: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", RAW_SCRIPT, str(target)], env=ENV, check=True)
    return time.perf_counter() - started


def timed(args: list[str], *, cwd: Path) -> float:
    """Wall time of one ent-lint run, its output thrown away (nothing else runs in this process
    meanwhile: no memory sampling)."""
    started = time.perf_counter()
    subprocess.run([ENT_LINT, *args], cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _cpu() -> float:
    """CPU seconds of this process and of its children waited for (their workers included)."""
    import resource

    mine, theirs = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


def clocked(measure) -> tuple[float, float]:
    """The wall time ``measure()`` returns and the CPU seconds it took: the CPU time does not
    grow when other processes keep the cores busy (the wall time does), so it compares runs
    made under different loads."""
    before = _cpu()
    wall = measure()
    return wall, _cpu() - before


def load_average() -> float:
    return os.getloadavg()[0]


class Loads:
    """The 1-minute load average read before and after each run: what else kept the cores busy."""

    def __init__(self):
        self.seen: list[float] = []

    def around(self, measure):
        self.seen.append(load_average())
        value = measure()
        self.seen.append(load_average())
        return value

    def __str__(self) -> str:
        return f"load average {min(self.seen):.2f} to {max(self.seen):.2f} (median {statistics.median(self.seen):.2f})"


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
    process = subprocess.Popen([ENT_LINT, *args], cwd=cwd, env=ENV, stdout=subprocess.PIPE,
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


def start_time(args: list[str], runs: int = 7, *, python: bool = False, env: dict | None = None) -> float:
    """The median wall time of ``ent-lint ARGS`` (or, with ``python``, of ``python -c pass``)."""
    command = [sys.executable, "-c", "pass"] if python else [ENT_LINT, *args]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


def blank_pages_section(work: Path, count: int, repeats: int) -> Path:
    """Word-processor PDFs of one text page and one empty page (a page break, no object on it):
    ent-lint against raw pypdfium2 over the same files, each way the median of ``repeats``
    interleaved runs; and the same over one document, which splits each way's time into what it
    costs once (start-up) and what it costs a document beyond it."""
    import hostile

    folder = work / "blank-page"
    folder.mkdir()
    paths = []
    for index in range(count):
        lines = [*hostile.TEXT_LINES, f"Référence interne : BENCH-{index:05d}"]
        paths.append(hostile.text_pdf(folder / f"{index:05d}.pdf", lines, blank_pages=1))
    pages = pages_of(paths)
    loads = Loads()
    timed(["--format", "concise", "-j", "1", str(paths[0])], cwd=work)  # the patterns it uses kept (a run with the cache)
    lint = ["--no-cache", "--format", "concise", "-j", "1"]
    ways = {"loop": lambda: raw_pypdfium2(paths), "command": lambda: raw_command(folder),
            "command, one": lambda: raw_command(paths[0]),
            "ent-lint": lambda: timed([*lint, str(folder)], cwd=work),
            "ent-lint, one": lambda: timed([*lint, str(paths[0])], cwd=work)}
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in ways}
    for _ in range(repeats):
        for label, measure in ways.items():
            times[label].append(loads.around(lambda: clocked(measure)))
    print(f"\nword-processor PDFs with a blank page: {len(paths)} documents, {pages} pages"
          f" (median of {repeats}, {loads})")
    for kind, which in (("wall", 0), ("CPU", 1)):
        m = {label: statistics.median(value[which] for value in values) for label, values in times.items()}
        raw_each = m["loop"] / len(paths)
        lint_each = (m["ent-lint"] - m["ent-lint, one"]) / (len(paths) - 1)
        print(f"  {kind} time")
        print(f"    raw pypdfium2, open + text of each page, loop in this process  {m['loop']:7.3f} s"
              f"  {raw_each * 1000:6.2f} ms a document")
        print(f"    raw pypdfium2 as a command (Python, import, the loop)          {m['command']:7.3f} s"
              f"  one document {m['command, one']:6.3f} s")
        print(f"    ent-lint -j 1, one command over the folder                     {m['ent-lint']:7.3f} s"
              f"  one document {m['ent-lint, one']:6.3f} s, {lint_each * 1000:6.2f} ms each document beyond it")
        print(f"    ent-lint = {m['ent-lint'] / m['loop']:.1f} x the raw loop, {m['ent-lint'] / m['command']:.1f} x"
              f" the raw command; beyond start-up {lint_each / raw_each:.1f} x the raw loop a document")
    return folder


def versos_section(work: Path, repeats: int, sheets: int = 4) -> None:
    """A scanned register of ``sheets`` sheets with their blank versos (paper grey, show-through,
    specks) against the same rectos alone, the two interleaved, the median of ``repeats``: the
    versos are rendered but not sent to tesseract."""
    import hostile
    from ent_lint.readers import ocr

    print(f"\nscans with blank versos ({sheets} sheets at 200 dpi, ent-lint -j 1, median of {repeats})")
    if ocr.available():
        print(f"  skipped: {ocr.available()}")
        return
    with_versos = hostile.scan_pdf(work / "versos.pdf", sheets)
    rectos = hostile.scan_pdf(work / "rectos.pdf", sheets, versos=False)
    loads = Loads()
    times: dict[Path, list[tuple[float, float]]] = {with_versos: [], rectos: []}
    for _ in range(repeats):
        for path in times:
            times[path].append(loads.around(lambda: clocked(lambda: timed(
                ["--no-cache", "--format", "concise", "-j", "1", str(path)], cwd=work))))
    for kind, which in (("wall", 0), ("CPU", 1)):
        both, alone = (statistics.median(t[which] for t in times[path]) for path in (with_versos, rectos))
        print(f"  {kind:<4} {2 * sheets} pages, rectos and versos {both:6.2f} s;  {sheets} pages, rectos only"
              f" {alone:6.2f} s;  the versos add {(both / alone - 1) * 100:+.0f} % ({(both - alone) / sheets:.2f} s a verso)")
    print(f"  {loads}")


def scaling_section(folder: Path, work: Path, cores: int, repeats: int) -> None:
    """``-j <cores>`` against ``-j 1`` over the same archive, no cache (the same state for both),
    the two interleaved so that a busy moment of the machine weighs on each; the median of
    ``repeats``, and the load average around the runs."""
    if cores < 2:
        return
    loads = Loads()
    times: dict[int, list[tuple[float, float]]] = {1: [], cores: []}
    for _ in range(repeats):
        for jobs in times:
            times[jobs].append(loads.around(lambda: clocked(lambda: timed(
                ["--no-cache", "--format", "concise", "-j", str(jobs), str(folder)], cwd=work))))
    one, many = (statistics.median(wall for wall, _ in times[jobs]) for jobs in (1, cores))
    cpu_one, cpu_many = (statistics.median(cpu for _, cpu in times[jobs]) for jobs in (1, cores))
    print(f"\n-j {cores} against -j 1 on the archive, no cache (median of {repeats}, interleaved)")
    print(f"  -j 1 {one:7.2f} s   -j {cores} {many:7.2f} s   speed-up {one / many:.2f} x;  {loads}")
    print(f"  CPU time -j 1 {cpu_one:.2f} s, -j {cores} {cpu_many:.2f} s ({(cpu_many / cpu_one - 1) * 100:+.0f} %: the"
          f" work a worker more adds)")
    print("  each run: " + ", ".join(f"-j {jobs}: " + " ".join(f"{wall:.2f}" for wall, _ in values)
                                   for jobs, values in times.items()))


def stages(folder: Path) -> None:
    """Where ent-lint's time goes over the PDFs of ``folder`` with -j 1, stage by stage: run in a
    fresh process (``bench.py --stages FOLDER``), as the command would run."""
    started = time.perf_counter()
    import ent_lint.cli  # noqa: F401  (what the command imports before it reads an option)
    imported = time.perf_counter()
    from ent_lint.batch import Runner
    from ent_lint.config import find_config
    from ent_lint.inputs import expand
    from ent_lint.linter import Linter

    settings = find_config(Path.cwd()).merged()
    configured = time.perf_counter()
    linter = Linter(settings, timeout=60, ocr_page_seconds=8)
    linter.checker  # noqa: B018
    rules = time.perf_counter()
    jobs = list(expand([str(folder)]))
    runner = Runner(linter, workers=1)
    begun = time.perf_counter()
    first, in_worker, results = None, 0.0, []
    for result in runner.run(jobs):
        first = first or time.perf_counter()
        in_worker += result.seconds
        results.append(result)
    ran = time.perf_counter()
    rest = len(jobs) - 1
    print(f"  imports of the command {(imported - started) * 1000:7.1f} ms")
    print(f"  configuration          {(configured - imported) * 1000:7.1f} ms")
    print(f"  rule loading           {(rules - configured) * 1000:7.1f} ms")
    print(f"  worker start and the first document {(first - begun) * 1000:7.1f} ms")
    print(f"  the other {rest} documents {(ran - first) * 1000:7.1f} ms = {(ran - first) / rest * 1000:.2f} ms each,"
          f" of which {(in_worker - results[0].seconds) / rest * 1000:.2f} ms checking in the worker")

    import io

    from ent_lint.cache import Cache
    from ent_lint.parse import parse
    from ent_lint.readers import read_data
    from ent_lint.readers.pages import locate
    from ent_lint.report import reporter
    from ent_lint.text import TextView

    spent = dict.fromkeys(("read", "parse", "rules", "locate", "report", "cache"), 0.0)
    data = [(job.name, Path(job.name).read_bytes()) for job in jobs]
    out = reporter("concise", io.StringIO())
    linter.check(*data[0])  # the readers' imports, as the worker had them before its second document
    with tempfile.TemporaryDirectory() as folder_of_cache:
        cache = Cache(Path(folder_of_cache))
        for (name, content), result in zip(data, results):
            marks = [time.perf_counter()]
            source = read_data(name, content, engine=linter.engine, **linter.read_options)
            marks.append(time.perf_counter())
            document = parse(source)
            marks.append(time.perf_counter())
            text = TextView(source.lines)
            findings = linter.checker.check(document, text, name)
            linter.checker.collect(document, text, name)
            marks.append(time.perf_counter())
            locate(content, source, findings)
            marks.append(time.perf_counter())
            out.add(result)
            marks.append(time.perf_counter())
            cache.put(hashlib.sha256(content).hexdigest(), result.to_cache())
            marks.append(time.perf_counter())
            for stage, before, after in zip(spent, marks, marks[1:]):
                spent[stage] += after - before
        cache.close()
    print("  each document, in this process: " + ", ".join(
        f"{stage} {seconds / len(data) * 1000:.2f} ms" for stage, seconds in spent.items()))


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
    global ENV
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="documents in the archive (default 200)")
    parser.add_argument("--keep", type=Path, help="generate the archive here and keep it")
    parser.add_argument("--no-rss", action="store_true", help="skip the 10 x N memory run")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each interleaved comparison (default 3)")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, metavar="SECTION",
                        help=f"run these sections only: {', '.join(SECTIONS)}")
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)  # the child of the stages section
    options = parser.parse_args()
    if options.stages:
        stages(options.stages)
        return
    wanted = set(options.only or SECTIONS) - ({"rss"} if options.no_rss else set())
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="ent-lint-bench-"))
    ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    ENV["ENT_LINT_CACHE_DIR"] = str(work / "cache-folder")  # the compiled patterns; the results cache is off
    ENV.pop("ENT_LINT_PATTERN_STORE", None)
    folder = options.keep or work / "archive"
    try:
        print(f"ent-lint benchmark: {options.n} PDFs, {cores} cores, Python {sys.version.split()[0]},"
              f" load average {load_average():.2f}")
        started = time.perf_counter()
        paths = sorted(folder.glob("*.pdf")) if options.keep and folder.exists() else []
        if len(paths) != options.n:
            shutil.rmtree(folder, ignore_errors=True)
            paths = generate(folder, options.n)
        pages = pages_of(paths)
        print(f"archive: {len(paths)} documents, {pages} pages ({pages / len(paths):.1f} a document), "
              f"made in {time.perf_counter() - started:.1f} s")
        # compiled modules cached once (and the disk cache warm) before anything is timed; a run
        # with the cache keeps the compiled patterns, as any earlier run of a user's has
        timed(["--format", "concise", "-j", "1", str(paths[0])], cwd=work)
        raw_command(paths[0])

        if "archive" in wanted:
            fast = raw_pypdfium2(paths)
            slow = raw_pdfplumber(paths)
            print("\nraw text extraction (one process)")
            print(f"  pdfplumber extract_text   {slow:7.2f} s  {pages / slow:8.1f} pages/s")
            print(f"  pypdfium2 get_text_range  {fast:7.2f} s  {pages / fast:8.1f} pages/s")

            print("\nent-lint end to end, no cache")
            for jobs in sorted({1, cores}):
                seconds, peak, out = run_ent_lint(["--no-cache", "--format", "junit", "-j", str(jobs), str(folder)],
                                                  cwd=work)
                times = latencies(out)
                print(f"  -j {jobs:<2} {seconds:7.2f} s  {len(paths) / seconds:7.1f} docs/s  {pages / seconds:7.1f} pages/s"
                      f"  {seconds / fast:5.2f} x raw pypdfium2  {slow / seconds:5.2f} x faster than pdfplumber"
                      f"  latency median {statistics.median(times) * 1000:.0f} ms,"
                      f" p95 {times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms")

        if "scaling" in wanted:
            scaling_section(folder, work, cores, options.repeats)

        if "cache" in wanted:
            print(f"\nresults cache (-j {cores})")
            cache = work / "cache"
            cold, _, _ = run_ent_lint(["--cache-dir", str(cache), "--format", "concise", str(folder)], cwd=work)
            warm, _, _ = run_ent_lint(["--cache-dir", str(cache), "--format", "concise", str(folder)], cwd=work)
            print(f"  cold {cold:7.2f} s   warm {warm:7.2f} s   warm is {cold / warm:.1f} x faster")

        if "rss" in wanted:
            print(f"\npeak RSS of the process tree (-j {cores}, no cache, JSON lines to a pipe)")
            _, small, _ = run_ent_lint(["--no-cache", "--format", "json-lines", str(folder)], cwd=work)
            _, large, _ = run_ent_lint(["--no-cache", "--format", "json-lines", *[str(folder)] * 10], cwd=work)
            print(f"  N = {len(paths):<6} {small / 1024:7.1f} MiB")
            print(f"  10 x N = {10 * len(paths):<6} {large / 1024:7.1f} MiB  ({(large / small - 1) * 100:+.1f} %)")

        if "cluster" in wanted:
            cluster_section(folder, len(paths), pages, work)

        if "text3" in wanted:
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

        if wanted & {"blank", "stages"}:
            blank = blank_pages_section(work, options.n, options.repeats)
            if "stages" in wanted:
                print(f"\nwhere the time goes on them (-j 1, a fresh process; a process start alone"
                      f" {start_time([], python=True) * 1000:.0f} ms)")
                sys.stdout.flush()
                subprocess.run([sys.executable, __file__, "--stages", str(blank)], cwd=work, env=ENV, check=True)
        if "ocr" in wanted:
            ocr_section(cores)
        if "versos" in wanted:
            versos_section(work, options.repeats)

        if "start" in wanted:
            print("\nstart time (median of 7)")
            print(f"  ent-lint --version  {start_time(['--version']) * 1000:6.0f} ms")
            print(f"  ent-lint rules      {start_time(['rules']) * 1000:6.0f} ms")
            one = ["--no-cache", "--format", "concise", str(paths[0])]
            compiling = start_time(one, env={**ENV, "ENT_LINT_PATTERN_STORE": "off"})
            print(f"  ent-lint on one PDF {start_time(one) * 1000:6.0f} ms with the compiled patterns kept,"
                  f" {compiling * 1000:.0f} ms compiling them (ENT_LINT_PATTERN_STORE=off, as a first run)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
