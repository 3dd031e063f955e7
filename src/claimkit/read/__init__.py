"""Load: articles from text files, JSONL, stdin, web pages and web archives.

``files`` dispatches on what a path is; ``html`` and ``warc`` turn pages and
archives into articles, ``charset`` decodes their bytes, ``dates`` finds a
date line at the top of a text, and ``language`` identifies each article's
language.  Nothing here knows about extraction.
"""

from claimkit.read.files import article_record, expand_paths, load, make_article

__all__ = ["article_record", "expand_paths", "load", "make_article"]
