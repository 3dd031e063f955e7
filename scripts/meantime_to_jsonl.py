#!/usr/bin/env python3
"""Turn MEANTIME (apple + gm) into claimkit input JSONL.

Each line is ``{"id": <file stem>, "text": ..., "published": "YYYY-MM-DD"}``,
the text rebuilt from MEANTIME's tokens one sentence per line
(``claimkit.meantime``).  Only the corpora apple and gm are read; the others
are held out.  Write the output outside the repository (e.g. under /tmp).

Usage::

    python scripts/meantime_to_jsonl.py ../shared/eval/meantime-en -o /tmp/meantime.jsonl
    claimkit extract /tmp/meantime.jsonl -o /tmp/meantime.claims.jsonl
    claimkit eval --gold ../shared/eval/meantime-en --pred /tmp/meantime.claims.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from claimkit.evaluate.meantime_corpus import documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("meantime_dir", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    count = 0
    with args.output.open("w", encoding="utf-8") as out:
        for doc in documents(args.meantime_dir):
            published = doc.published.isoformat() if doc.published else None
            out.write(json.dumps({"id": doc.doc_id, "text": doc.text, "published": published}, ensure_ascii=False) + "\n")
            count += 1
    print(f"wrote {count} articles to {args.output}")


if __name__ == "__main__":
    main()
