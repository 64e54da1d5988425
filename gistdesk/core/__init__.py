"""Domain types, vocabularies, validation and the JSON case file. No Qt here."""
