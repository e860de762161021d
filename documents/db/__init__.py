"""The database: client, model registry, transactions, counters, query shapes, migrations, embedded server."""
