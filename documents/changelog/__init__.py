"""The change log: one ordered, persisted entry per change of public data, with a topic."""
