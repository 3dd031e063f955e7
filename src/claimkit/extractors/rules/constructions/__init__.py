"""The constructions that carry an attribution, one module each.

``dispatch.run`` reads one parsed sentence (``sentence.ParsedSentence``,
which also holds the span helpers every construction shares) and tries, word
by word: ``speaker_lines`` ("Issa: ..."), ``according_to``, ``polls`` ("In a
poll, ...", "To X, ..."), ``adverbs`` ("reportedly"), ``reporting_verbs``
("X said Y", sixteen ways to find what was said) and ``nominal_reports`` ("X's
claim that Y", "expressed hope for Y", "concerns about Y").  The reporting
verbs lean on ``subjects`` (who speaks), ``verb_arguments`` (what around the
verb is time, occasion or addressee), ``quotation_content``, ``inserted_cues``
("The risk, he said, is a clash"), ``closing_cues`` ("Y, said X.") and
``verb_fallbacks``; ``tagger_spans`` lets the optional taggers widen cues and
correct spans.

Outside the per-word rules: ``quotes`` (quotation regions), ``furniture``
(page furniture), ``notices``, ``headline_colon`` ("Mayor: Bridge will reopen
in June") and ``tagged_only`` (cues only the accurate tagger found).
"""
