# qsradar: one image serving the API, the alert stream and the built web front.
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    QSRADAR_ENV=production HOST=0.0.0.0 PORT=8000 QSRADAR_DATA_DIR=/var/lib/qsradar
WORKDIR /app
COPY pyproject.toml constraints.txt ./
COPY documents/ documents/
COPY auth/ auth/
COPY gql/ gql/
COPY bench/ bench/
RUN pip install --no-cache-dir -c constraints.txt . \
    && useradd --system --uid 10001 qsradar && mkdir -p /var/lib/qsradar && chown qsradar /var/lib/qsradar
COPY --from=frontend /src/frontend/dist frontend/dist
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s CMD python -c "import urllib.request,os;urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz')"
CMD ["python", "-m", "gql"]
