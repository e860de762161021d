"""Beanie documents: the data model of qsradar and its invariants. Imports nothing else of ours."""
