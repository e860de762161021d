"""What every domain's schema shares: node registry, connections, cursors, permissions, errors, limits."""
