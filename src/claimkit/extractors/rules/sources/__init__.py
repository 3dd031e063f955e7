"""Who said it: a source phrase's name and kind, named entities, names in
apposition, coreference of pronouns and descriptions, and the standalone
statement that names them."""
