"""The audit trail (审计日志), read-only, for regulators and administrators."""
