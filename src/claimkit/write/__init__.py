"""Validate and write: the JSON Schema check of every record, and the output
formats (JSONL, JSON, table, CSV, schema.org ClaimReview)."""
