"""Load time of the review page for 300 articles / 5,000+ claims in headless Chromium.

    python benchmarks/bench_review.py [--articles 300] [--repeat 5]

The page is built from Wikinews articles (../shared/eval/wikinews-tosca,
read at run time, never copied): the offline extractor runs on the first
non-empty articles and the ones with the most claims are kept until there are
``--articles`` of them (about 5,000 claims for 300).  Printed: the page's size,
the time from navigation to a usable page (first article and claim list
drawn), switching to the article with the most claims, and one verdict key
press (which also updates the progress counts of every article), as medians
over fresh browser pages.  Needs Playwright and the system's chromium.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import tempfile
import time
from pathlib import Path

from claimkit import pipeline
from claimkit.extractors.rules import RuleExtractor
from claimkit.read import files as ingest
from claimkit.read.dates import parse_iso_date
from claimkit.review import ReviewDoc, build_page
from claimkit.review.browser import chromium

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz"


def build_docs(corpus: Path, n_articles: int, pool: int, claims: int) -> list[ReviewDoc]:
    extractor = RuleExtractor()
    docs: list[ReviewDoc] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if not obj["text"].strip():
                continue
            article = ingest.make_article(obj["text"], obj["id"], str(corpus), title=obj["title"], published=parse_iso_date(obj["date"], obj["id"]) if obj.get("date") else None)
            result = pipeline.run(article, extractor)
            docs.append(ReviewDoc(result.article, result.records))
            if len(docs) >= pool:
                break
    # the run of n_articles (ranked by claims) with the fewest claims that still has `claims`
    ranked = sorted(docs, key=lambda d: len(d.records), reverse=True)
    start = 0
    for s in range(len(ranked) - n_articles + 1):
        if sum(len(d.records) for d in ranked[s : s + n_articles]) < claims:
            break
        start = s
    chosen = {id(d) for d in ranked[start : start + n_articles]}
    return [d for d in docs if id(d) in chosen]


def measure(page_path: Path, repeat: int, largest: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"load": [], "switch": [], "verdict": []}
    with chromium() as browser:
        for _ in range(repeat):
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready=true]")
            out["load"].append(time.perf_counter() - started)
            out["switch"].append(
                page.evaluate(
                    """(i) => {
                        const s = document.getElementById('doc-select');
                        const t = performance.now();
                        s.value = String(i);
                        s.dispatchEvent(new Event('change'));
                        return performance.now() - t;
                    }""",
                    largest,
                )
                / 1000
            )
            out["verdict"].append(
                page.evaluate(
                    """() => {
                        const key = (k) => document.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true}));
                        key('j');
                        const t = performance.now();
                        key('1');
                        return performance.now() - t;
                    }"""
                )
                / 1000
            )
            context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--claims", type=int, default=5000, help="at least this many claims in all")
    parser.add_argument("--pool", type=int, default=600, help="articles extracted to choose from")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    docs = build_docs(args.corpus, args.articles, args.pool, args.claims)
    largest = max(range(len(docs)), key=lambda i: len(docs[i].records))
    claims = sum(len(d.records) for d in docs)
    html = build_page(docs)
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "review.html"
        page_path.write_text(html, encoding="utf-8")
        built = time.perf_counter() - started
        times = measure(page_path, args.repeat, largest)
    print(f"page: {len(docs)} articles, {claims:,} claims, {len(html.encode()) / 1e6:.2f} MB (built in {built:.1f} s, extraction included)")
    for name, label in (
        ("load", "navigation to a usable page"),
        ("switch", f"switch to the largest article ({len(docs[largest].records)} claims)"),
        ("verdict", "one verdict key press"),
    ):
        values = times[name]
        print(f"{label}: median {statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, {len(values)} runs)")


if __name__ == "__main__":
    main()
