#!/usr/bin/env python3
"""Turn a PolNeAR split's article texts into claimkit input JSONL.

Each line is ``{"id": <file stem>, "text": ..., "published": "YYYY-MM-DD",
"title": ...}``, with the date and title taken from PolNeAR's
``metadata.tsv`` (``published``/``title`` are null when the article is not
listed there).  The text is kept byte-for-byte (UTF-8, line endings kept) so
gold offsets index it unchanged.

The article texts are copyrighted and must never be committed: the output
has to be written outside this repository (e.g. under /tmp).

Usage::

    python scripts/polnear_to_jsonl.py SPLIT_DIR [--metadata TSV] -o OUT.jsonl

``SPLIT_DIR`` is a split directory holding ``text/`` (or the ``text/``
directory itself).  ``--metadata`` defaults to ``metadata.tsv`` in the
parent of the split directory.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def text_dir_of(split_dir: Path) -> Path:
    """The directory holding the ``.txt`` articles of a split."""
    return split_dir / "text" if (split_dir / "text").is_dir() else split_dir


def default_metadata(split_dir: Path) -> Path:
    """``metadata.tsv`` beside the split directory (or beside its parent for a text dir)."""
    base = split_dir.parent if (split_dir / "text").is_dir() else split_dir.parent.parent
    return base / "metadata.tsv"


def _clean(value: str | None) -> str | None:
    """Metadata value, with PolNeAR's ``None`` and blanks as ``None``."""
    if value is None or value.strip() in ("", "None"):
        return None
    return value.strip()


def read_metadata(path: Path) -> dict[str, dict[str, str | None]]:
    """``filename -> {"published": ..., "title": ...}`` from a PolNeAR metadata TSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"filename", "publication_date", "title"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        return {
            row["filename"]: {
                "published": _clean(row["publication_date"]),
                "title": _clean(row["title"]),
            }
            for row in reader
        }


def records(text_dir: Path, metadata: dict[str, dict[str, str | None]]) -> Iterator[dict[str, str | None]]:
    """One claimkit input record per ``.txt`` article, in sorted file order."""
    for path in sorted(text_dir.glob("*.txt")):
        meta = metadata.get(path.stem)
        if meta is None:
            print(f"warning: {path.stem} not in metadata; no date or title", file=sys.stderr)
            meta = {"published": None, "title": None}
        yield {
            "id": path.stem,
            "text": path.read_bytes().decode("utf-8"),
            "published": meta["published"],
            "title": meta["title"],
        }


def inside_repo(path: Path) -> bool:
    """Whether ``path`` would land inside this repository."""
    return path.resolve().is_relative_to(REPO_ROOT)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split_dir", type=Path, help="PolNeAR split dir (with text/) or its text dir")
    parser.add_argument("--metadata", type=Path, help="metadata.tsv (default: beside the split dir)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="output JSONL (outside the repo)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if inside_repo(args.output):
        print(f"error: refusing to write article texts into the repository ({args.output})", file=sys.stderr)
        return 2
    text_dir = text_dir_of(args.split_dir)
    if not any(text_dir.glob("*.txt")):
        print(f"error: no .txt articles in {text_dir}", file=sys.stderr)
        return 2
    metadata = read_metadata(args.metadata or default_metadata(args.split_dir))
    count = 0
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        for record in records(text_dir, metadata):
            # ensure_ascii keeps U+2028 and friends escaped: readers split lines on them.
            out.write(json.dumps(record, ensure_ascii=True) + "\n")
            count += 1
    print(f"wrote {count} articles to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
