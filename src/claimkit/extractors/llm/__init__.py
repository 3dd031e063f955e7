"""The LLM extractor: claims through any OpenAI-compatible chat-completions endpoint.

``LLMExtractor(LLMOptions(model=..., base_url=..., api_key=...))`` satisfies
the ``Extractor`` protocol and adds ``extract_batch`` (many articles, many
requests in flight) and ``summary()`` (run counters).  Only
``claimkit.extractors.llm.client`` imports the ``openai`` package.
"""

from claimkit.extractors.llm.cache import default_cache_dir
from claimkit.extractors.llm.extractor import LLMExtractor, LLMOptions, RunStats, format_summary

__all__ = ["LLMExtractor", "LLMOptions", "RunStats", "default_cache_dir", "format_summary"]
