"""Log set-up shared by the entry point and every worker process (uvicorn only configures its own loggers)."""

from __future__ import annotations

import logging

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


def configure_logging(level: str) -> None:
    """Send the `qsradar.*` loggers to stderr once per process."""
    logger = logging.getLogger("qsradar")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logger.addHandler(handler)
        logger.setLevel(level.upper())
        logger.propagate = False
