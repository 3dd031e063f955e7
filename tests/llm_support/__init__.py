"""Test support for the LLM extractor: a fault server and a llama.cpp server fixture."""
