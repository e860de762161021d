"""Demo data for development mode: real public figures with their source, fictional credit stories."""
