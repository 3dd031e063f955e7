"""Pages per second for web-page and web-archive input.

Pages are Wikinews texts from ../shared/eval wrapped in boilerplate
(scripts/wikinews_pages.py; three layouts in turn), written to a temporary
directory as .html files and as one .warc.gz (never into the repository).
Without the shared data, --ours repeats our own test pages instead.

    python benchmarks/bench_html.py [--pages 300] [--repeat 3] [--ours] [--pad KIB] [--extract]

Real news pages weigh 100-500 KiB, mostly scripts, styles and menus; --pad
adds that much such markup to each page (a mega-menu of links and an inline
script holding JSON state) to measure the cost of page size.

Prints, each the median of --repeat runs in this process after a warm-up:
  load (HTML files)      ingest.load over the .html files: main text and metadata
  load (WARC)            ingest.load over the .warc.gz holding the same pages
  WARC records, warcio   reading every record and payload, no extraction
  WARC records, fastwarc the same with fastwarc, if installed (the alternative)
  extract (HTML files)   with --extract: load + the offline extractor, as `claimkit extract` runs
  extract (clean texts)  with --extract: the same articles as .txt files (the two alternate run by run)
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from wikinews_pages import WIKINEWS, wikinews_pages  # noqa: E402

from claimkit import pipeline  # noqa: E402
from claimkit.read import files as ingest  # noqa: E402


def our_pages(count: int) -> list[tuple[str, bytes, str]]:
    names = sorted(p.stem for p in (ROOT / "tests" / "data" / "html").glob("*.html"))
    out = []
    for i in range(count):
        name = names[i % len(names)]
        base = ROOT / "tests" / "data" / "html" / name
        out.append((f"{name}-{i}", (base.with_suffix(".html")).read_bytes(), base.with_suffix(".txt").read_text(encoding="utf-8")))
    return out


def pad(data: bytes, kib: int) -> bytes:
    """Insert about ``kib`` KiB of menus and script state after <body>."""
    if kib <= 0:
        return data
    links = "".join(f'<li><a href="/section/{i}">Section {i} news and features</a></li>' for i in range(kib * 4))
    state = json.dumps({"items": [{"id": i, "title": f"Story {i}", "teaser": "Officials said " * 4} for i in range(kib * 5)]})
    block = f'<nav class="mega-menu"><ul>{links}</ul></nav><script>window.__STATE__ = {state};</script>'.encode()
    at = data.lower().find(b"<body>")
    return data if at < 0 else data[: at + 6] + block + data[at + 6 :]


def write_inputs(pages: list[tuple[str, bytes, str]], d: Path) -> tuple[Path, Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html_dir, txt_dir = d / "html", d / "txt"
    html_dir.mkdir()
    txt_dir.mkdir()
    warc = d / "pages.warc.gz"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for doc_id, data, clean in pages:
            (html_dir / f"{doc_id}.html").write_bytes(data)
            (txt_dir / f"{doc_id}.txt").write_text(clean, encoding="utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(f"https://news.example/{doc_id}", "response", payload=io.BytesIO(data), http_headers=http)
            )
    return html_dir, txt_dir, warc


def timed(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    fn()  # warm-up: imports, caches
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        n = fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), n


def warcio_records(warc: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream):
            record.content_stream().read()
            n += 1
    return n


def fastwarc_records(warc: Path) -> int:
    from fastwarc.warc import ArchiveIterator

    n = 0
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream, parse_http=True):
            record.reader.read()
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ours", action="store_true", help="repeat tests/data/html pages instead of wrapped Wikinews")
    parser.add_argument("--pad", type=int, default=0, help="add about this many KiB of menus and scripts to each page")
    parser.add_argument("--extract", action="store_true", help="also time the offline extractor on the pages and on their clean texts (slow)")
    args = parser.parse_args()
    if args.ours or not WIKINEWS.exists():
        pages, what = our_pages(args.pages), "our test pages, repeated"
    else:
        pages, what = [(p.doc_id, p.html, p.clean) for p in wikinews_pages(args.pages)], "Wikinews texts in boilerplate"
    logging.getLogger("claimkit.read").setLevel(logging.ERROR)  # no per-archive summary lines
    pages = [(doc_id, pad(data, args.pad), clean) for doc_id, data, clean in pages]
    size = sum(len(p[1]) for p in pages)
    print(f"{len(pages)} pages ({what}), {size / len(pages) / 1024:.0f} KiB each on average; median of {args.repeat} runs")
    with tempfile.TemporaryDirectory() as tmp:
        html_dir, txt_dir, warc = write_inputs(pages, Path(tmp))

        def load_all(path: Path) -> Callable[[], int]:
            return lambda: sum(1 for a in ingest.load([str(path)]) if not isinstance(a, ingest.InputError))

        rows: list[tuple[str, Callable[[], int]]] = [
            ("load (HTML files)", load_all(html_dir)),
            ("load (WARC)", load_all(warc)),
            ("WARC records, warcio", lambda: warcio_records(warc)),
        ]
        try:
            import fastwarc  # noqa: F401

            rows.append(("WARC records, fastwarc", lambda: fastwarc_records(warc)))
        except ImportError:
            print("(fastwarc not installed: pip install fastwarc to compare)")
        print("| input | pages | seconds | pages/s |")
        print("|---|---|---|---|")
        for name, fn in rows:
            seconds, n = timed(fn, args.repeat)
            print(f"| {name} | {n} | {seconds:.2f} | {n / seconds:,.0f} |")
        if args.extract:
            for name, seconds, n in extract_pair(html_dir, txt_dir, args.repeat):
                print(f"| {name} | {n} | {seconds:.2f} | {n / seconds:,.1f} |")


def extract_pair(html_dir: Path, txt_dir: Path, repeat: int) -> list[tuple[str, float, int]]:
    """The offline extractor over the pages and over their clean texts, runs alternating."""
    from claimkit.extractors.rules import RuleExtractor

    extractor = RuleExtractor()

    def run(path: Path) -> int:
        return sum(1 for r in pipeline.run_all(ingest.load([str(path)]), extractor) if not isinstance(r, ingest.InputError))

    run(txt_dir)
    times: dict[Path, list[float]] = {html_dir: [], txt_dir: []}
    counts: dict[Path, int] = {}
    for _ in range(repeat):
        for path in (html_dir, txt_dir):
            started = time.perf_counter()
            counts[path] = run(path)
            times[path].append(time.perf_counter() - started)
    return [
        ("extract (HTML files)", statistics.median(times[html_dir]), counts[html_dir]),
        ("extract (clean texts)", statistics.median(times[txt_dir]), counts[txt_dir]),
    ]


if __name__ == "__main__":
    main()
