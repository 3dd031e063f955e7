"""Normalisation: time expressions and certainty, resolved from the article text."""
