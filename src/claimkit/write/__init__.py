"""Validate and write: the JSON Schema check of every record, the output
formats (JSONL, JSON, table, CSV, schema.org ClaimReview), and the articles'
own text (``claimkit text``)."""
