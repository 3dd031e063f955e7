"""Web pages made from Wikinews texts: the article wrapped in realistic boilerplate.

Each page holds one article of ../shared/eval/wikinews-tosca (CC BY 2.5) in
one of three layouts (a CMS page with JSON-LD, an <article> page with
<time> and asides, an old table layout with windows-1252 bytes), surrounded by
navigation, a cookie banner, scripts, related links, comments and a footer,
several of which carry reported speech of their own ("police said ...") so
that boilerplate which leaks into the text shows up as extra claims.  The
clean text (title, blank line, paragraphs of three sentences) is what the
extracted text should give.  Nothing is written to the repository: pages are
built in memory by the scorer and the benchmark.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimkit import segment

WIKINEWS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz"


@dataclass
class Page:
    doc_id: str
    html: bytes
    clean: str
    date: str


_RELATED = [
    "Council says bypass will open in June",
    "Police said burglaries fell by a third last year",
    "Hospital trust denies plans to close ward, officials say",
    "Union warns strike will go ahead next week",
]
_COMMENTS = [
    "My neighbour says this will never happen.",
    "The minister said the same thing last year and nothing changed.",
    "According to my cousin, the whole plan was leaked weeks ago.",
]


def _paragraphs(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text).strip()
    sents = [text[s.start : s.end] for s in segment.sentences(text)]
    return [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)]


def _common(title: str) -> tuple[str, str, str, str]:
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("News", "Politics", "Business", "Sport", "Opinion"))
    related = "".join(f'<li><a href="/r/{i}">{html.escape(h)}</a></li>' for i, h in enumerate(_RELATED))
    comments = "".join(
        f'<li class="comment"><div class="comment-author">reader{i}</div><div class="comment-body"><p>{html.escape(c)}</p></div></li>'
        for i, c in enumerate(_COMMENTS)
    )
    cookie = (
        '<div id="cookie-banner"><p>We use cookies to improve your experience. By clicking '
        "&ldquo;Accept&rdquo; you agree to our use of cookies, our lawyers say.</p><button>Accept</button></div>"
    )
    return nav, related, comments, cookie


def _body_html(paras: list[str]) -> str:
    out = []
    for p in paras:
        esc = html.escape(p, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;").replace("’", "&rsquo;")
        out.append(f"<p>{esc}</p>")
    return "\n".join(out)


def cms_page(doc_id: str, title: str, date: str, paras: list[str]) -> bytes:
    nav, related, comments, cookie = _common(title)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": date + "T09:00:00Z", "author": {"@type": "Person", "name": "Staff reporter"}})
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Daily Example</title>
<meta property="og:site_name" content="Daily Example"><script type="application/ld+json">{ld}</script>
<script>window.dataLayer=[];function track(e){{dataLayer.push(e)}}</script></head><body>{cookie}
<header><a href="/">Daily Example</a><nav><ul>{nav}</ul></nav></header>
<main><article class="post"><h1>{html.escape(title)}</h1><div class="entry-meta">By Staff reporter</div>
<div class="entry-content">{_body_html(paras)}</div></article>
<section class="related"><h3>Related stories</h3><ul>{related}</ul></section>
<section id="comments"><h3>{len(_COMMENTS)} comments</h3><ol>{comments}</ol></section></main>
<footer><p>&copy; Daily Example. All rights reserved.</p></footer></body></html>""".encode()


def article_page(doc_id: str, title: str, date: str, paras: list[str]) -> bytes:
    nav, related, comments, cookie = _common(title)
    mid = len(paras) // 2
    body = _body_html(paras[:mid]) + f'\n<aside class="inline-related"><strong>Read more:</strong> <a href="/r/x">{html.escape(_RELATED[0])}</a></aside>\n' + _body_html(paras[mid:])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} - The Example Herald</title>
<link rel="canonical" href="https://herald.example/{date.replace('-', '/')}/{doc_id}"></head><body>
<div class="consent">{cookie}</div><nav aria-label="Sections"><ul>{nav}</ul></nav>
<article><header><h1>{html.escape(title)}</h1><p class="meta">By <span class="author">Herald staff</span> | <time datetime="{date}T10:00:00Z">{date}</time></p></header>
{body}</article>
<aside class="sidebar"><section><h3>Trending</h3><ul>{related}</ul></section></aside>
<div id="comments"><h3>Join the discussion</h3><ul>{comments}</ul></div>
<footer class="site"><p>The Example Herald. Police said nothing about this footer.</p></footer></body></html>""".encode()


def table_page(doc_id: str, title: str, date: str, paras: list[str]) -> bytes:
    nav, related, _, _ = _common(title)
    page = f"""<html><head><meta http-equiv="content-type" content="text/html; charset=windows-1252">
<title>{html.escape(title)}</title><link rel="canonical" href="http://www.gazette.example/{date.replace('-', '/')}/{doc_id}/"></head>
<body><table width="100%"><tr><td colspan="2"><a href="/">The Example Gazette</a></td></tr>
<tr><td width="180" valign="top"><p><b>Sections</b></p><ul>{nav}</ul><p><b>Also today</b></p><ul>{related}</ul></td>
<td valign="top"><h2>{html.escape(title)}</h2>{_body_html(paras)}</td></tr>
<tr><td colspan="2"><font size="1">The Example Gazette. Advertise with us.</font></td></tr></table></body></html>"""
    return page.encode("cp1252", errors="xmlcharrefreplace")


LAYOUTS = (cms_page, article_page, table_page)


def wikinews_pages(limit: int, path: Path = WIKINEWS, min_words: int = 120) -> Iterator[Page]:
    """The first ``limit`` usable Wikinews articles as pages, layouts in turn."""
    made = 0
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            obj = json.loads(line)
            paras = _paragraphs(obj["text"])
            if not obj.get("date") or len(obj["text"].split()) < min_words or len(paras) < 2:
                continue
            title = re.sub(r"\s+", " ", obj["title"]).strip()
            clean = "\n\n".join([title, *paras])
            layout = LAYOUTS[made % len(LAYOUTS)]
            yield Page(obj["id"], layout(obj["id"], title, obj["date"], paras), clean, obj["date"])
            made += 1
            if made >= limit:
                return
