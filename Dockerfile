# syntax=docker/dockerfile:1
# qsradar: one image serving the API, the alert stream and the built web front.
# Build: docker build -t qsradar:$(git rev-parse --short HEAD) .   Checked by `make k8s-check` (hadolint).

# --- stage 1: the web front (Vite) -------------------------------------------------------------
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend/ ./
# The generated GraphQL types are checked in: the build needs neither the network nor the Python side.
RUN npm run build

# --- stage 2: the Python packages, built into a virtual environment ----------------------------
FROM python:3.11-slim-bookworm AS python
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/qsradar
WORKDIR /src
COPY pyproject.toml constraints.txt ./
COPY documents/ documents/
COPY auth/ auth/
COPY gql/ gql/
COPY bench/ bench/
# Runtime dependencies only (no `[dev]` extra), every version pinned by constraints.txt.
RUN /opt/qsradar/bin/pip install --no-cache-dir -c constraints.txt . \
    && /opt/qsradar/bin/python -m compileall -q /opt/qsradar/lib

# --- stage 3: the runtime image ----------------------------------------------------------------
FROM python:3.11-slim-bookworm
LABEL org.opencontainers.image.title="qsradar" \
      org.opencontainers.image.description="Quality-safety radar: GraphQL API, real-time alerts, web front"
ENV PATH=/opt/qsradar/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    QSRADAR_ENV=production HOST=0.0.0.0 PORT=8000 \
    QSRADAR_DATA_DIR=/var/lib/qsradar \
    QSRADAR_FRONTEND_DIR=/app/frontend/dist \
    QSRADAR_PERSISTED_MANIFEST=/app/persisted-manifest.json
# A fixed numeric uid/gid (>= 10000) so Kubernetes can check runAsNonRoot without a user database.
RUN groupadd --system --gid 10001 qsradar \
    && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin qsradar \
    && mkdir -p /var/lib/qsradar /run/qsradar \
    && chown 10001:10001 /var/lib/qsradar /run/qsradar
COPY --from=python /opt/qsradar /opt/qsradar
# The package is installed in site-packages, so the front end's location is given by QSRADAR_FRONTEND_DIR.
COPY --from=frontend /src/frontend/dist /app/frontend/dist
# The front end's documents, registered as trusted persisted queries at start (QSRADAR_TRUSTED_DOCUMENTS=only).
COPY tools/persisted/manifest.json /app/persisted-manifest.json
WORKDIR /app
USER 10001:10001
EXPOSE 8000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['PORT'], timeout=2)"]
CMD ["python", "-m", "gql"]
