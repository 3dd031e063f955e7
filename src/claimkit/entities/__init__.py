"""Sources as entities: who each attributed record's source is, once per article.

A stage after extraction that every extractor's candidates go through
(``pipeline.finish``).  ``link`` gives each source an entity of its article:
an id, the canonical name (the fullest proper name the article uses), one kind
for all its records, and the spans by which the article refers to it.  The
offline rules hand over what their coreference knows (an entity on each
source: which sources are one, the name and the kind decided from all the
mentions); sources that come without one (the LLM extractor's) are grouped
here by their names (``grouping``).  Either way the stage decides the ids and
makes every record's ``source.name`` and ``source.kind`` the entity's.
"""

from claimkit.entities.link import link

__all__ = ["link"]
