"""Make docs/review.png: the review page of the seed article in headless Chromium.

    python scripts/screenshot_review.py [--article ../shared/seed-article.txt] [-o docs/review.png]

Needs Playwright for Python (the test extra) and the system's chromium.  The
page shows the first claims selected, one reviewed, to show the marks.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from claimkit.review.browser import chromium

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=ROOT.parent / "shared" / "seed-article.txt")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "review.png")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--keys", nargs="*", default=["j", "1", "1", "2", "j"], help="keys pressed before the picture")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "review.html"
        subprocess.run(
            [sys.executable, "-m", "claimkit", "review", str(args.article), "-o", str(page_path)], check=True
        )
        with chromium() as browser:
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready=true]")
            for key in args.keys:
                page.keyboard.press(key)
            page.wait_for_timeout(300)
            page.screenshot(path=str(args.output))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
