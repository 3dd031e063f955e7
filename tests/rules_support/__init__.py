"""Helpers for the construction tests: run the sentence rules on a real parse."""
