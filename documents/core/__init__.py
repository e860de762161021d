"""Pure building blocks shared by the domain packages (no database, no service)."""
