"""Score claimkit's web-page input: claims from the page against claims from the clean article text.

For each page with a hand-written clean text, claimkit's offline extractor runs
on the text extracted from the page and on the clean text; a claim is the
triple (content, source mention, cue) of its record.  Recall is the share of
the clean text's claims that the page gives too, precision the share of the
page's claims that the clean text gives (multisets, micro-averaged over the
pages).  Dates: on how many pages that state a date one was found, and how many
found dates are the page's.

  python scripts/eval_html.py                        # our pages (tests/data/html), claimkit's extraction
  python scripts/eval_html.py --extractor all        # also trafilatura's settings, readability-lxml, jusText, the raw page
  python scripts/eval_html.py --wikinews 150         # also Wikinews texts wrapped in boilerplate (../shared/eval)

readability-lxml and jusText are only needed for the comparison
(pip install readability-lxml==0.9); jusText comes with trafilatura.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimkit import pipeline
from claimkit.extractors.rules import RuleExtractor
from claimkit.read.charset import decode_html
from claimkit.read.files import make_article
from claimkit.read.html import article_from_html, page_text, prepare

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "html"
Extracted = tuple[str, "dt.date | None"]


def claimkit_html(data: bytes) -> Extracted:
    art = article_from_html(data, doc_id="page", origin="page")
    return art.text, art.published


def prepared(data: bytes) -> str:
    """The page as claimkit hands it to trafilatura (decoded; noscript, small
    print and layout tables dealt with), so every extractor compared gets the same input."""
    import lxml.html
    from trafilatura.utils import load_html

    tree = load_html(decode_html(data, "page"))
    prepare(tree)
    return lxml.html.tostring(tree, encoding="unicode")


def _trafilatura_variant(**options: bool) -> Callable[[bytes], Extracted]:
    """claimkit's preparation and text rendering, with other trafilatura settings."""

    def run(data: bytes) -> Extracted:
        import trafilatura

        doc = trafilatura.bare_extraction(prepared(data), with_metadata=True, include_comments=False, **options)
        if doc is None:
            return "", None
        return page_text(doc.body, doc.title), _date(doc.date)

    return run


def trafilatura_txt(data: bytes) -> Extracted:
    """trafilatura by hand: its own plain-text output (one line per block) of the page bytes as they are."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    return (doc.text or "", _date(doc.date)) if doc is not None else ("", None)


def readability(data: bytes) -> Extracted:
    import lxml.html
    from readability import Document

    page = Document(prepared(data))
    tree = lxml.html.fromstring(page.summary(html_partial=True))
    tags = ("p", "h1", "h2", "h3", "h4", "li", "blockquote")
    innermost = [el for el in tree.iter(*tags) if not any(d.tag in tags for d in el.iterdescendants())]
    blocks = [re.sub(r"\s+", " ", el.text_content()).strip() for el in innermost]
    return "\n\n".join([page.short_title(), *(b for b in blocks if b)]), None


def justext_text(data: bytes) -> Extracted:
    import justext

    paragraphs = justext.justext(prepared(data), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate), None


def raw_page(data: bytes) -> Extracted:
    return decode_html(data, "page"), None


EXTRACTORS: dict[str, Callable[[bytes], Extracted]] = {
    "claimkit": claimkit_html,
    "trafilatura-balanced": _trafilatura_variant(),
    "trafilatura-precision": _trafilatura_variant(favor_precision=True),
    "trafilatura-recall": _trafilatura_variant(favor_recall=True),
    "trafilatura-fast": _trafilatura_variant(fast=True),
    "trafilatura-txt": trafilatura_txt,
    "readability-lxml": readability,
    "justext": justext_text,
    "raw-page": raw_page,
}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def claims(text: str, extractor: RuleExtractor) -> Counter[tuple[str, str | None, str | None]]:
    if not text.strip():
        return Counter()
    result = pipeline.run(make_article(text, "doc", "doc"), extractor)
    return Counter(claim_key(r) for r in result.records)


def claim_key(record: dict) -> tuple[str, str | None, str | None]:  # type: ignore[type-arg]
    """(content, source mention or name, cue) of a record."""
    src, cue = record["source"], record["cue"]
    source = (src["mention"] or {}).get("text", src["name"]) if src else None
    return record["content"]["text"], source, cue["mention"]["text"] if cue else None


def our_pages(directory: Path) -> list[tuple[str, bytes, str, str | None]]:
    expected = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
    return [
        (name, (directory / f"{name}.html").read_bytes(), (directory / f"{name}.txt").read_text(encoding="utf-8"), meta["published"])
        for name, meta in expected.items()
        if not name.startswith("_")
    ]


def score(
    pages: list[tuple[str, bytes, str, str | None]], run: Callable[[bytes], Extracted], extractor: RuleExtractor, verbose: bool = False
) -> dict[str, float]:
    run(pages[0][1])  # imports and caches are not part of the speed
    hit = gold = found = 0
    dates_stated = dates_found = dates_right = 0
    seconds = 0.0
    for _name, data, clean, date in pages:
        started = time.perf_counter()
        try:
            text, published = run(data)
        except Exception:  # noqa: BLE001 -- a failing alternative scores zero on that page
            text, published = "", None
        seconds += time.perf_counter() - started
        want, got = claims(clean, extractor), claims(text, extractor)
        if verbose:
            for key in (want - got).elements():
                print(f"  {_name}: missed {key}")
            for key in (got - want).elements():
                print(f"  {_name}: extra {key}")
        hit += sum((want & got).values())
        gold += sum(want.values())
        found += sum(got.values())
        if date is not None:
            dates_stated += 1
            dates_found += published is not None
            dates_right += published is not None and published.isoformat() == date
    return {
        "pages": len(pages),
        "claims": gold,
        "recall": hit / gold if gold else 0.0,
        "precision": hit / found if found else 0.0,
        "dates": f"{dates_found}/{dates_stated} ({dates_right} right)",
        "pages_per_s": len(pages) / seconds if seconds else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--extractor", default="claimkit", choices=[*EXTRACTORS, "all"])
    parser.add_argument("--pages", type=Path, default=PAGES, help="directory with expected.json, NAME.html and NAME.txt")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each missed and extra claim")
    parser.add_argument("--wikinews", type=int, default=0, help="also score this many Wikinews articles wrapped in boilerplate")
    args = parser.parse_args()
    sets = {"our pages": our_pages(args.pages)}
    if args.wikinews:
        from wikinews_pages import WIKINEWS, wikinews_pages

        if not WIKINEWS.exists():
            sys.exit(f"eval_html: {WIKINEWS} not found")
        sets["wrapped Wikinews"] = [(p.doc_id, p.html, p.clean, p.date) for p in wikinews_pages(args.wikinews)]
    extractor = RuleExtractor()
    names = list(EXTRACTORS) if args.extractor == "all" else [args.extractor]
    print("| extractor | pages | claims in the clean texts | recall | precision | dates found/stated | pages/s (text only) |")
    print("|---|---|---|---|---|---|---|")
    for set_name, pages in sets.items():
        for name in names:
            s = score(pages, EXTRACTORS[name], extractor, args.verbose)
            print(f"| {name} ({set_name}) | {s['pages']} | {s['claims']} | {s['recall']:.3f} | {s['precision']:.3f} | {s['dates']} | {s['pages_per_s']:.0f} |")


if __name__ == "__main__":
    main()
