"""The package version, on the ground floor so that every stage can stamp it."""

__version__ = "0.1.0"
