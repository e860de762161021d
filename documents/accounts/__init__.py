"""Accounts, agency clients, sessions (token families) and rate counters."""
