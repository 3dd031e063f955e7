"""Which words are cues: the learned cue model, the MiniLM and MPNet taggers
that score cue, source and content words, and the span corrections the
taggers drive (``role_spans``)."""
