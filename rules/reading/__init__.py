"""Reading: what ent-lint could not read, said rather than guessed."""
