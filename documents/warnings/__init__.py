"""Risk warnings (风险预警): the document with its life-cycle rules, and the actions that write it."""
