"""Optional OpenTelemetry traces (off by default): `QSRADAR_OTEL=otlp` exports spans over OTLP/HTTP to
`OTEL_EXPORTER_OTLP_ENDPOINT` (the standard variable), `QSRADAR_OTEL=console` writes them to the log.

The ASGI middleware traces every HTTP request and WebSocket; the PyMongo instrumentation traces every database
command under it. Each worker sets its tracer provider up once.
"""

from __future__ import annotations

import os

from starlette.applications import Starlette

_provider_ready = False


def add_tracing(app: Starlette) -> bool:
    """Trace `app` and PyMongo when QSRADAR_OTEL asks for it; whether tracing is on."""
    global _provider_ready
    mode = os.environ.get("QSRADAR_OTEL", "").strip().lower()
    if mode not in ("otlp", "console"):
        return False
    from opentelemetry import trace
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
    from opentelemetry.instrumentation.pymongo import PymongoInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor

    if not _provider_ready:
        provider = TracerProvider(resource=Resource.create({"service.name": "qsradar"}))
        if mode == "console":
            provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
        else:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
        trace.set_tracer_provider(provider)
        PymongoInstrumentor().instrument()
        _provider_ready = True
    app.add_middleware(OpenTelemetryMiddleware)
    return True
