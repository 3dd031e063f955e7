"""Web archives: a WARC built here with warcio from our pages, whole and truncated."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimkit.errors import InputError
from claimkit.model import Article
from claimkit.read.files import load

PAGES = Path(__file__).resolve().parent / "data" / "html"
NAMES = ["council-budget", "market-hall", "rail-strike", "school-meals", "wind-farm"]
CAPTURED = "2026-06-01T10:00:00Z"


def build_warc(path: Path, *, gzip: bool = True) -> None:
    """warcinfo, then per page a request and its response; an image, a redirect,
    a 404 and a section front (a list of links) in between."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "claimkit tests"}))

        def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": CAPTURED}
            )
            writer.write_record(record)

        for i, name in enumerate(NAMES):
            data = (PAGES / f"{name}.html").read_bytes()
            # The windows-1252 page is served with its charset in the HTTP header only.
            ctype = "text/html; charset=windows-1252" if name == "school-meals" else "text/html"
            response(f"https://news.example/{name}", data, ctype)
            if i == 1:
                response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
                response("https://news.example/old", b"", "text/html", "301 Moved Permanently")
                response("https://news.example/missing", b"<html>Not found</html>", "text/html", "404 Not Found")
                response("https://news.example/news", (PAGES / "bad" / "section-front.html").read_bytes(), "text/html; charset=utf-8")


@pytest.fixture(scope="module")
def warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    build_warc(path)
    return path


def _html_article(name: str) -> Article:
    (article,) = load([str(PAGES / f"{name}.html")])
    assert isinstance(article, Article)
    return article


def test_each_html_page_is_an_article(warc: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="claimkit.read"):
        items = list(load([str(warc)]))
    assert all(isinstance(a, Article) for a in items), items
    assert [a.doc_id for a in items] == [f"https://news.example/{n}" for n in NAMES]
    for article, name in zip(items, NAMES, strict=True):
        page = _html_article(name)
        assert article.text == page.text
        assert article.url == article.doc_id
        assert article.authors == page.authors and article.title == page.title
        # The page's own date first; the capture date only where the page gives none.
        assert article.published == (page.published or dt.date(2026, 6, 1))
    summary = [r.getMessage() for r in caplog.records if r.name == "claimkit.read"]
    assert len(summary) == 1
    assert "5 HTML page(s) read, 14 other record(s) skipped" in summary[0]
    assert "9 request" in summary[0] and "1 not HTML" in summary[0] and "1 status 301" in summary[0]
    assert "1 status 404" in summary[0] and "1 HTML without article text" in summary[0] and "1 warcinfo" in summary[0]


def test_uncompressed_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    build_warc(path, gzip=False)
    items = list(load([str(path)]))
    assert [a.text for a in items] == [_html_article(n).text for n in NAMES]


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_keeps_what_came_before(tmp_path: Path, gzip: bool) -> None:
    whole = tmp_path / ("whole.warc.gz" if gzip else "whole.warc")
    build_warc(whole, gzip=gzip)
    data = whole.read_bytes()
    texts = [_html_article(n).text for n in NAMES]
    for fraction in (0.03, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 0.995):
        cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
        cut.write_bytes(data[: int(len(data) * fraction)])
        items = list(load([str(cut)]))
        errors = [i for i in items if isinstance(i, InputError)]
        articles = [i for i in items if isinstance(i, Article)]
        assert len(errors) == 1 and items[-1] is errors[0], (fraction, items)
        assert "truncated or corrupt WARC" in str(errors[0]) and str(cut) in str(errors[0])
        assert [a.text for a in articles] == texts[: len(articles)]  # whole pages only, in order
    assert len(articles) >= 4  # the cut at 99.5% loses at most the last page


def test_cli_on_a_warc_and_a_truncated_one(warc: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(warc.read_bytes()[: int(warc.stat().st_size * 0.6)])
    proc = subprocess.run(
        [sys.executable, "-m", "claimkit", "extract", str(warc), str(cut)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert sum("claimkit: error:" in line for line in lines) == 1
    assert sum("other record(s) skipped" in line for line in lines) == 2
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {r["doc_id"] for r in records} >= {f"https://news.example/{n}" for n in NAMES}
