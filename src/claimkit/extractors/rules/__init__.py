"""The offline (default) extractor: rules over a dependency parse.

``extractor`` runs the steps for an article; ``parse`` is spaCy's parse of
the sentences that may hold an attribution; ``lexicon`` holds the word lists
every concern shares.  The rules are split by concern:

* ``cues/``: which words are cues (the learned cue model, the MiniLM and
  MPNet taggers);
* ``constructions/``: the constructions that carry an attribution (reporting
  verbs, "according to", nominal reports, quotations, headline colons,
  notices, page furniture);
* ``sources/``: who the source is (names and kinds, entities, apposition,
  coreference, standalone statements).
"""

from claimkit.extractors.rules.extractor import RuleExtractor

__all__ = ["RuleExtractor"]
