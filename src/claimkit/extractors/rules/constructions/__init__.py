"""The constructions that carry an attribution: reporting verbs,
"according to", nominal reports, adverbs, quotations, headline colons,
notices, page furniture, and cues only a tagger found."""
