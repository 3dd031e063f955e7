"""Score records against gold: PolNeAR attributions (``polnear``), MEANTIME
certainty, polarity and dates (``meantime`` over ``meantime_corpus``), and
every field of a claim on the project's own gold sets (``fields``)."""
