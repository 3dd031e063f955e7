"""The review page in a real headless Chromium (Debian's chromium, driven by Playwright).

Skipped when Playwright or the browser is missing (apt-get install chromium;
pip install -e '.[test]'); on CI (``CI=true``) that is a failure instead.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.review.browser import chromium_path

ROOT = Path(__file__).resolve().parents[1]
HARBOUR = ROOT / "examples" / "harbour-strike.txt"
LIBRARY = ROOT / "examples" / "library-reopening.md"

runner = CliRunner()

# Written for this test: markup in the article, its title and its url must
# show as text and run nothing.  The crabs are astral characters (two UTF-16
# units each), so offsets after them differ between Python and JavaScript.
HOSTILE_TEXT = (
    "Harbour board vote ends in uproar 🦀\n\n"
    "The board's spokesperson, Mira Olsen, said the vote <script>window.__pwned = 'script'; alert('script')</script> "
    "would be repeated on Monday.\n\n"
    "A protester said the sign read <img src=x onerror=\"window.__pwned='img'; alert('img')\"> in red letters.\n\n"
    "The clerk said the minutes ended with </textarea><textarea autofocus onfocus=\"alert('ta')\"> and a link, "
    "<a href=\"javascript:alert('link')\">read more</a>, that nobody clicked.\n\n"
    "According to the council, the 🦀 festival will go ahead on Saturday.\n"
)
HOSTILE = {
    "id": "hostile",
    "title": "<img src=x onerror=\"alert('title')\"> Board vote",
    "url": "javascript:alert('url')",
    "published": "2026-03-14",
    "text": HOSTILE_TEXT,
}


def _need_browser() -> None:
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "Playwright for Python is not installed: pip install -e '.[test]'"
    if problem is None and chromium_path() is None:
        problem = "no Chromium: apt-get install chromium"
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem} (required on CI)")
        pytest.skip(problem)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need_browser()
    from claimkit.review.browser import chromium

    with chromium() as b:
        yield b


@dataclass
class Built:
    folder: Path
    page: Path
    records: list[dict]
    texts: dict[str, str]
    by_doc: dict[str, list[dict]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    inputs = [str(HARBOUR), str(LIBRARY), str(hostile)]
    result = runner.invoke(app, ["extract", *inputs, "-o", str(folder / "records.jsonl")])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(app, ["review", *inputs, "--records", str(folder / "records.jsonl"), "-o", str(folder / "review.html")])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in (folder / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = {"harbour-strike": HARBOUR.read_text(encoding="utf-8"), "library-reopening": LIBRARY.read_text(encoding="utf-8"), "hostile": HOSTILE_TEXT}
    b = Built(folder, folder / "review.html", records, texts)
    for r in records:
        b.by_doc.setdefault(r["doc_id"], []).append(r)
    assert set(b.by_doc) == set(texts), "every test article has claims"
    return b


@dataclass
class Watch:
    """What a page did: console errors, requests, dialogs."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(context: Any, path: Path) -> tuple[Any, Watch]:
    page = context.new_page()
    watch = Watch()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.on("request", lambda r: watch.requests.append(r.url))

    def on_dialog(d: Any) -> None:
        watch.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    return page, watch


def assert_quiet(watch: Watch, path: Path) -> None:
    assert watch.errors == []
    assert watch.dialogs == []
    outside = [u for u in watch.requests if u != path.as_uri() and not u.startswith("blob:")]
    assert outside == [], "the page requested something beyond itself"


def show_doc(page: Any, built: Built, doc_id: str) -> None:
    index = list(built.by_doc).index(doc_id)
    page.select_option("#doc-select", str(index))
    # locator expectations, not wait_for_function: a string predicate is evaluated with eval,
    # which the page's Content-Security-Policy forbids (it failed once, in CI)
    from playwright.sync_api import expect

    expect(page.locator("#doc-select")).to_have_value(str(index))
    expect(page.locator("#doc-title")).not_to_have_text("")


def utf16(text: str, i: int) -> int:
    return len(text[:i].encode("utf-16-le")) // 2


def lit_text(page: Any, role: str) -> str:
    return page.evaluate(f"Array.from(document.querySelectorAll('#article-text .l-{role}')).map(e => e.textContent).join('')")


def click_piece_at(page: Any, offset_utf16: int) -> None:
    handle = page.evaluate_handle(
        "(o) => Array.from(document.getElementById('article-text').children).find(e => e._s <= o && o < e._s + e.textContent.length)",
        offset_utf16,
    )
    handle.as_element().click()


def select_words(page: Any, start: int, end: int) -> None:
    """Select article characters [start, end) (UTF-16 offsets) as a reader would."""
    page.evaluate(
        """([a, b]) => {
            const pieces = Array.from(document.getElementById('article-text').children);
            const at = (o) => { const p = pieces.find(e => e._s <= o && o < e._s + e.textContent.length); return [p.firstChild, o - p._s]; };
            const range = document.createRange();
            range.setStart(...at(a));
            const [node, off] = at(b - 1);
            range.setEnd(node, off + 1);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        }""",
        [start, end],
    )


def download(page: Any) -> list[dict]:
    with page.expect_download() as info:
        page.click("#download")
    path = info.value.path()
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


# --------------------------------------------------------------------------- tests


def test_every_record_has_one_element_and_nothing_leaves_the_page(browser: Any, built: Built) -> None:
    context = browser.new_context()
    page, watch = open_page(context, built.page)
    for doc_id, records in built.by_doc.items():
        show_doc(page, built, doc_id)
        ids = page.eval_on_selector_all("[data-claim-id]", "els => els.map(e => e.dataset.claimId)")
        assert sorted(ids) == sorted(r["id"] for r in records)
        assert page.eval_on_selector_all("#claim-list .claim", "els => els.length") == len(records)
        assert page.text_content("#article-text") == built.texts[doc_id]
    assert_quiet(watch, built.page)
    context.close()


def test_selecting_a_claim_lights_its_spans_and_a_span_selects_its_claim(browser: Any, built: Built) -> None:
    context = browser.new_context()
    page, watch = open_page(context, built.page)
    show_doc(page, built, "harbour-strike")
    record = next(r for r in built.by_doc["harbour-strike"] if r["source"]["mention"] and r["cue"] and r["reported_at"])
    page.click(f"[data-claim-id='{record['id']}'] blockquote")
    assert lit_text(page, "content") == record["content"]["text"]
    assert lit_text(page, "source") == record["source"]["mention"]["text"]
    assert lit_text(page, "cue") == record["cue"]["mention"]["text"]
    assert record["reported_at"]["text"] in lit_text(page, "time")
    assert "selected" in page.get_attribute(f"[data-claim-id='{record['id']}']", "class")

    # the other way: click a cue word in the article that belongs to one claim only
    others = [r for r in built.by_doc["harbour-strike"] if r is not record]
    text = built.texts["harbour-strike"]

    def covered(r: dict, at: int) -> bool:
        spans = [r["content"], r["cue"] and r["cue"]["mention"], r["source"] and r["source"]["mention"]]
        return any(s and s["start"] <= at < s["end"] for s in spans)

    target = next(r for r in others if r["cue"] and not any(covered(o, r["cue"]["mention"]["start"]) for o in built.by_doc["harbour-strike"] if o is not r))
    click_piece_at(page, utf16(text, target["cue"]["mention"]["start"]))
    assert "selected" in page.get_attribute(f"[data-claim-id='{target['id']}']", "class")
    assert "selected" not in page.get_attribute(f"[data-claim-id='{record['id']}']", "class")
    assert lit_text(page, "content") == target["content"]["text"]
    assert_quiet(watch, built.page)
    context.close()


def test_verdict_keys_notes_missed_claims_download_and_reload(browser: Any, built: Built) -> None:
    context = browser.new_context()
    page, watch = open_page(context, built.page)
    show_doc(page, built, "hostile")
    records = built.by_doc["hostile"]
    assert len(records) >= 2
    page.keyboard.press("j")  # the first claim
    page.keyboard.press("1")  # correct, and on to the next
    page.keyboard.press("3")  # wrong span
    page.keyboard.press("k")
    page.keyboard.press("k")  # back to the first
    page.keyboard.press("n")
    page.keyboard.type("checked against the minutes")
    page.keyboard.press("Escape")
    card = f"[data-claim-id='{records[0]['id']}']"
    assert "v-correct" in page.get_attribute(card, "class")
    assert "v-wrong_span" in page.get_attribute(f"[data-claim-id='{records[1]['id']}']", "class")

    # a claim claimkit missed, after two astral characters
    words = "festival will go ahead"
    start = HOSTILE_TEXT.index(words)
    select_words(page, utf16(HOSTILE_TEXT, start), utf16(HOSTILE_TEXT, start + len(words)))
    page.keyboard.press("m")
    assert page.text_content("#missed .missed-card blockquote") == words

    lines = download(page)
    by_verdict = {line["verdict"]: line for line in lines}
    assert set(by_verdict) == {"correct", "wrong_span", "missed"}
    assert all(set(line) >= {"id", "doc_id", "verdict", "note", "start", "end", "reviewed_at"} for line in lines)
    correct = by_verdict["correct"]
    assert correct["id"] == records[0]["id"] and correct["doc_id"] == "hostile"
    assert correct["note"] == "checked against the minutes"
    assert correct["start"] is None and correct["end"] is None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", correct["reviewed_at"])
    assert by_verdict["wrong_span"]["id"] == records[1]["id"]
    missed = by_verdict["missed"]
    assert missed["id"] is None and missed["doc_id"] == "hostile"
    assert HOSTILE_TEXT[missed["start"] : missed["end"]] == words, "offsets count characters as records do"

    # the download is what `eval --verdicts` reads
    verdicts = built.folder / "downloaded.jsonl"
    verdicts.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = runner.invoke(app, ["eval", "--verdicts", str(verdicts), "--records", str(built.folder / "records.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["overall"]["reviewed"] == 2 and report["overall"]["precision"] == 0.5 and report["missed"] == 1

    # a reload keeps everything, and reopens the article that was open
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("#doc-select") == str(list(built.by_doc).index("hostile"))
    assert page.text_content("#doc-title") == HOSTILE["title"]
    assert "v-correct" in page.get_attribute(card, "class")
    assert page.input_value(f"{card} .note") == "checked against the minutes"
    assert page.text_content("#missed .missed-card blockquote") == words
    assert download(page) == lines

    # 0 clears a verdict
    page.click(f"[data-claim-id='{records[1]['id']}'] blockquote")
    page.keyboard.press("0")
    assert "v-wrong_span" not in page.get_attribute(f"[data-claim-id='{records[1]['id']}']", "class")
    assert {line["verdict"] for line in download(page)} == {"correct", "missed"}
    assert_quiet(watch, built.page)
    context.close()


def test_the_hostile_article_stays_inert(browser: Any, built: Built) -> None:
    context = browser.new_context()
    page, watch = open_page(context, built.page)
    show_doc(page, built, "hostile")
    assert page.text_content("#article-text") == HOSTILE_TEXT
    assert page.text_content("#doc-title") == HOSTILE["title"]
    assert page.evaluate("window.__pwned") is None
    assert page.eval_on_selector_all("#article-text *", "els => els.filter(e => e.tagName !== 'SPAN').length") == 0
    assert page.eval_on_selector_all("img, textarea[autofocus], a[href^='javascript']", "els => els.length") == 0
    assert page.eval_on_selector_all("script", "els => els.length") == 2
    # the url is not a link; the claims show the markup as text
    assert "javascript:alert('url')" in page.text_content("#doc-meta")
    assert page.eval_on_selector_all("#doc-meta a", "els => els.length") == 0
    quotes = page.eval_on_selector_all("#claim-list blockquote", "els => els.map(e => e.textContent)")
    assert any("<" in q for q in quotes), quotes
    # select every claim and click every piece of the text: nothing runs
    for r in built.by_doc["hostile"]:
        page.click(f"[data-claim-id='{r['id']}'] blockquote")
        assert lit_text(page, "content") == r["content"]["text"]
    for i in range(page.eval_on_selector_all("#article-text > span", "els => els.length")):
        page.click(f"#article-text > span >> nth={i}")
    page.keyboard.press("s")
    page.keyboard.press("s")
    assert page.evaluate("window.__pwned") is None
    assert_quiet(watch, built.page)
    context.close()


def test_filters_search_and_the_by_source_view(browser: Any, built: Built) -> None:
    context = browser.new_context()
    page, watch = open_page(context, built.page)
    show_doc(page, built, "library-reopening")
    records = built.by_doc["library-reopening"]
    counts: dict[str, int] = {}
    for r in records:
        name = r["source"]["name"] if r["source"] else ""
        counts[name] = counts.get(name, 0) + 1
    entities: dict[str, tuple[str, int]] = {}  # one row per entity: its name and how many claims
    for r in records:
        key = r["source"]["entity"]["id"] if r["source"] else ""
        entities[key] = (r["source"]["entity"]["name"] if r["source"] else "", entities.get(key, ("", 0))[1] + 1)
    name = max(counts, key=lambda n: counts[n])
    page.select_option("#f-source", name)
    visible = page.eval_on_selector_all("#claim-list .claim:not([hidden])", "els => els.map(e => e.dataset.claimId)")
    assert visible == [r["id"] for r in records if (r["source"]["name"] if r["source"] else "") == name]
    page.select_option("#f-source", "*")
    mode = records[0]["mode"]
    page.select_option("#f-mode", mode)
    visible = page.eval_on_selector_all("#claim-list .claim:not([hidden])", "els => els.map(e => e.dataset.claimId)")
    assert visible == [r["id"] for r in records if r["mode"] == mode]
    page.select_option("#f-mode", "*")
    word = records[-1]["content"]["text"].split()[-1].strip(".,\"”")
    page.fill("#f-search", word)
    visible = page.eval_on_selector_all("#claim-list .claim:not([hidden])", "els => els.map(e => e.dataset.claimId)")
    assert records[-1]["id"] in visible and len(visible) < len(records)
    page.fill("#f-search", "")
    page.click("#view-sources")
    groups = page.eval_on_selector_all(
        "#sources .source-group", "els => els.map(e => [e.querySelector('.src-name').textContent, e.querySelectorAll('.source-claim').length])"
    )
    shown = sorted((("" if n == "the article itself" else n), c) for n, c in groups)
    assert shown == sorted(entities.values())
    assert_quiet(watch, built.page)
    context.close()


def test_the_by_source_view_lights_an_entitys_mentions(browser: Any, built: Built) -> None:
    """One row per source entity; its "as ..." line lights every mention of it in the article."""
    context = browser.new_context()
    page, watch = open_page(context, built.page)
    doc_id = "harbour-strike"
    show_doc(page, built, doc_id)
    page.click("#view-sources")
    entities = {r["source"]["entity"]["id"]: r["source"]["entity"] for r in built.by_doc[doc_id] if r["source"]}
    rows = page.eval_on_selector_all("#sources .source-group .src-name", "els => els.map(e => e.textContent)")
    assert sorted(rows) == sorted([e["name"] for e in entities.values()] + (["the article itself"] if any(r["source"] is None for r in built.by_doc[doc_id]) else []))
    text = built.texts[doc_id]
    for entity in entities.values():
        row = page.locator("#sources .source-group", has=page.locator(".src-name", has_text=re.compile("^" + re.escape(entity["name"]) + "$")))
        if not entity["mentions"]:  # "unnamed sources" of a "reportedly": nothing to light
            assert row.locator(".src-mentions").count() == 0
            continue
        row.locator(".src-mentions").click()
        covered = sorted({i for m in entity["mentions"] for i in range(m["start"], m["end"])})
        assert lit_text(page, "entity") == "".join(text[i] for i in covered), entity["name"]
        said = {m["text"] for m in entity["mentions"]}
        assert all(f"“{w}”" in row.locator(".src-mentions").text_content() for w in said)
    # selecting a claim again lights the claim, not the entity
    page.click("#view-claims")
    page.keyboard.press("j")
    assert lit_text(page, "entity") == ""
    assert_quiet(watch, built.page)
    context.close()


def test_verdicts_given_to_review_are_in_place(browser: Any, built: Built, tmp_path: Path) -> None:
    record = built.by_doc["harbour-strike"][1]
    lines = [
        {"id": record["id"], "doc_id": "harbour-strike", "verdict": "wrong_source", "note": "the union, not its leader",
         "start": None, "end": None, "reviewed_at": "2026-12-04T09:30:00.000Z", "mode": record["mode"], "source_kind": record["source"]["kind"]},
        {"id": None, "doc_id": "harbour-strike", "verdict": "missed", "note": "", "start": 0, "end": 12,
         "reviewed_at": "2026-12-04T09:31:00.000Z", "mode": None, "source_kind": None},
    ]
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "prefilled.html"
    result = runner.invoke(app, ["review", str(HARBOUR), str(LIBRARY), str(built.folder / "hostile.jsonl"),
                                 "--records", str(built.folder / "records.jsonl"), "--verdicts", str(verdicts), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    context = browser.new_context()
    page, watch = open_page(context, out)
    card = f"[data-claim-id='{record['id']}']"
    assert "v-wrong_source" in page.get_attribute(card, "class")
    assert page.input_value(f"{card} .note") == "the union, not its leader"
    assert page.text_content("#missed .missed-card blockquote") == built.texts["harbour-strike"][0:12]
    assert download(page) == lines
    assert_quiet(watch, out)
    context.close()


def test_each_role_has_a_mark_besides_colour(browser: Any, built: Built) -> None:
    context = browser.new_context()
    page, watch = open_page(context, built.page)
    show_doc(page, built, "harbour-strike")
    style = page.evaluate(
        """() => Object.fromEntries(['content', 'source', 'cue', 'time', 'cert'].map(role => {
            const e = document.querySelector('#article-text .r-' + role + (role === 'content' ? ':not(.r-cert)' : ''));
            const s = getComputedStyle(e);
            return [role, {deco: s.textDecorationLine + ' ' + s.textDecorationStyle, weight: s.fontWeight,
                           border: s.borderBottomStyle, outline: s.outlineStyle, italic: s.fontStyle}];
        }))"""
    )
    assert style["content"]["deco"] == "underline dotted"
    assert int(style["source"]["weight"]) >= 600
    assert style["cue"]["border"] == "double"
    assert style["time"]["outline"] == "dashed"
    assert style["cert"]["italic"] == "italic" and style["cert"]["deco"] == "underline wavy"
    assert_quiet(watch, built.page)
    context.close()


def test_a_verdict_given_in_another_tab_shows(browser: Any, built: Built) -> None:
    context = browser.new_context()
    first, watch_first = open_page(context, built.page)
    second, watch_second = open_page(context, built.page)
    record = built.by_doc["harbour-strike"][0]
    card = f"[data-claim-id='{record['id']}']"
    first.click(f"{card} blockquote")
    first.keyboard.press("4")
    assert "v-not_a_claim" in first.get_attribute(card, "class")
    from playwright.sync_api import expect

    expect(second.locator(card)).to_have_class(re.compile(r"\bv-not_a_claim\b"))
    assert [line["verdict"] for line in download(second)] == ["not_a_claim"]
    assert_quiet(watch_first, built.page)
    assert_quiet(watch_second, built.page)
    context.close()


def test_checked_before_shows_beside_the_claim_and_links_only_the_web(browser: Any, built: Built, tmp_path: Path) -> None:
    # records as extract --against writes them (the matcher itself is tested in test_cli_against.py):
    # one claim checked before by a fact-checker with a web link, one by an entry whose url is a script
    records = [dict(r) for r in built.by_doc["harbour-strike"]]
    first, second = records[0], records[1]
    first["checked"] = [{"factcheck_id": "https://checks.example.org/dock-strike", "url": "https://checks.example.org/dock-strike",
                         "rating": "Mostly false (2/5)", "checked_by": "Harbour Checks", "date": "2026-03-02",
                         "claim": "Dock workers will strike until the summer.", "score": 0.93}]
    second["checked"] = [{"factcheck_id": "hostile-1", "url": "javascript:alert('checked')", "rating": "<b>False</b>",
                          "checked_by": None, "date": None, "claim": "A claim.", "score": 0.8}]
    for r in records[2:]:
        r["checked"] = []
    path = tmp_path / "checked.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    page_file = tmp_path / "checked.html"
    result = runner.invoke(app, ["review", str(HARBOUR), "--records", str(path), "-o", str(page_file)])
    assert result.exit_code == 0, result.stderr
    context = browser.new_context()
    page, watch = open_page(context, page_file)
    card = f"[data-claim-id='{first['id']}']"
    line = page.text_content(f"{card} .checked-line")
    assert line == "checked before: Mostly false (2/5), by Harbour Checks, 2026-03-02, https://checks.example.org/dock-strike"
    assert page.get_attribute(f"{card} .checked-line a", "href") == "https://checks.example.org/dock-strike"
    assert page.text_content(f"{card} .checked-claim") == "Dock workers will strike until the summer."
    hostile = f"[data-claim-id='{second['id']}']"
    assert page.eval_on_selector_all(f"{hostile} .checked a", "els => els.length") == 0  # a script url is shown, never linked
    assert page.eval_on_selector_all(f"{hostile} .checked b", "els => els.length") == 0  # markup in a rating is text
    assert "<b>False</b>" in page.text_content(f"{hostile} .checked-line")
    assert page.eval_on_selector_all(".checked.none", "els => els.length") == len(records) - 2
    assert_quiet(watch, page_file)
    context.close()
