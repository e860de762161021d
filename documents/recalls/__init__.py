"""Recalls (召回): their life cycle, progress and the duties they put on enterprises."""
