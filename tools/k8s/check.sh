#!/usr/bin/env bash
# `make k8s-check`: render, validate and lint everything that deploys qsradar.
#   1. kubectl kustomize for each overlay (k8s/overlays/*) and for k8s/monitoring;
#   2. kubernetes-validate (offline schemas, strict) against KUBERNETES_VERSION, plus the secret templates;
#   3. checkov on the rendered overlays: 0 failed checks (skips only in tools/k8s/checkov.yaml or as
#      checkov.io/skip annotations, each with its reason beside it);
#   4. hadolint on the Dockerfile; shellcheck on the scripts;
#   5. promtool check rules + promtool test rules on k8s/monitoring (promtool from Debian's `prometheus`
#      package, extracted, not installed; skipped with a notice when apt cannot fetch it: the rules' YAML shape
#      is then checked by tests/test_deployment.py only).
# The tools live in their own virtual environment, .venv-k8s (git-ignored), installed from
# tools/k8s/requirements.txt + constraints.txt on the first run (or when those change). After that the check
# runs offline. Prints one summary line; exit status 0 only when every step passed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="${K8S_CHECK_VENV:-$ROOT/.venv-k8s}"
KUBERNETES_VERSION="${KUBERNETES_VERSION:-1.33.0}"
PYTHON="${PYTHON:-python3}"
REQS="$ROOT/tools/k8s/requirements.txt"
CONSTRAINTS="$ROOT/tools/k8s/constraints.txt"
started=$(date +%s)

fail() { echo "k8s-check: FAILED at $1 ($(( $(date +%s) - started )) s)" >&2; exit 1; }
step() { echo "== $*" >&2; }

# --- tools -----------------------------------------------------------------------------------------
stamp="$VENV/.installed-$(cat "$REQS" "$CONSTRAINTS" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  step "installing the check tools into $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" || fail "venv"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQS" -c "$CONSTRAINTS" \
    || fail "pip install (tools/k8s/requirements.txt)"
  touch "$stamp"
fi
BIN="$VENV/bin"
if [ ! -x "$BIN/promtool" ] && [ ! -f "$VENV/.no-promtool" ]; then
  step "fetching promtool from Debian's prometheus package"
  deb_dir="$(mktemp -d)"
  if (cd "$deb_dir" && apt-get download prometheus >/dev/null 2>&1) \
     && dpkg-deb -x "$deb_dir"/prometheus_*.deb "$deb_dir/x" \
     && cp "$deb_dir/x/usr/bin/promtool" "$BIN/promtool"; then
    :
  else
    touch "$VENV/.no-promtool"   # do not try again on every run
  fi
  rm -rf "$deb_dir"
fi

# Offline from here: no telemetry, no version check, no download of checkov's guideline mapping.
export BC_SKIP_MAPPING=TRUE CHECKOV_NO_OUTPUT_FILE=1 CKV_NO_VERSION_CHECK=1 CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

# --- 1. render -------------------------------------------------------------------------------------
objects=0
overlays=()
for dir in "$ROOT"/k8s/overlays/*/; do
  name="$(basename "$dir")"
  overlays+=("$name")
  step "kubectl kustomize k8s/overlays/$name"
  "$BIN/kubectl" kustomize "$dir" > "$OUT/$name.yaml" || fail "render $name"
  objects=$((objects + $(grep -c '^kind:' "$OUT/$name.yaml")))
done
[ "${#overlays[@]}" -gt 0 ] || fail "render (no overlay under k8s/overlays)"
mkdir -p "$OUT/extra"
"$BIN/kubectl" kustomize "$ROOT/k8s/monitoring" > "$OUT/extra/monitoring.yaml" || fail "render monitoring"

# --- 2. schemas ------------------------------------------------------------------------------------
step "kubernetes-validate --strict -k $KUBERNETES_VERSION"
"$BIN/kubernetes-validate" --strict --quiet -k "$KUBERNETES_VERSION" \
  "$OUT"/*.yaml "$OUT/extra/monitoring.yaml" "$ROOT"/k8s/secrets/*.template.yaml \
  || fail "kubernetes-validate"

# --- 3. policies -----------------------------------------------------------------------------------
step "checkov"
"$BIN/checkov" --config-file "$ROOT/tools/k8s/checkov.yaml" -d "$OUT" --skip-path extra -o json \
  > "$OUT/checkov.json" 2> "$OUT/checkov.err" || true
checkov_summary="$("$BIN/python" - "$OUT/checkov.json" <<'PY'
import json, sys
try:
    data = json.load(open(sys.argv[1]))
except Exception as exc:  # checkov crashed: no JSON
    print(f"ERROR unreadable checkov output: {exc}"); sys.exit(0)
reports = data if isinstance(data, list) else [data]
passed = failed = skipped = 0
for report in reports:
    s = report.get("summary", {})
    passed += s.get("passed", 0); failed += s.get("failed", 0); skipped += s.get("skipped", 0)
    for check in report.get("results", {}).get("failed_checks", []):
        print(f"FAILED {check['check_id']} {check['resource']} {check.get('check_name', '')}", file=sys.stderr)
print(f"{passed} {failed} {skipped}")
PY
)"
case "$checkov_summary" in ERROR*) cat "$OUT/checkov.err" >&2; fail "checkov ($checkov_summary)";; esac
read -r ck_passed ck_failed ck_skipped <<< "$checkov_summary"
[ "$ck_passed" -gt 0 ] || fail "checkov (no check ran)"
[ "$ck_failed" -eq 0 ] || fail "checkov ($ck_failed failed)"

# --- 4. Dockerfile and scripts ---------------------------------------------------------------------
step "hadolint Dockerfile"
"$BIN/hadolint" "$ROOT/Dockerfile" || fail "hadolint"
step "shellcheck"
"$BIN/shellcheck" "$ROOT/tools/k8s/check.sh" "$ROOT"/k8s/base/mongodb/scripts/*.sh || fail "shellcheck"

# --- 5. monitoring rules ---------------------------------------------------------------------------
if [ -x "$BIN/promtool" ]; then
  step "promtool check rules / test rules"
  "$BIN/promtool" check rules "$ROOT/k8s/monitoring/prometheus-rules.yaml" >&2 || fail "promtool check rules"
  (cd "$ROOT/k8s/monitoring/tests" && "$BIN/promtool" test rules rules-test.yaml >&2) || fail "promtool test rules"
  rules="promtool rules+tests ok"
else
  rules="promtool unavailable (rules checked by tests/test_deployment.py)"
fi

echo "k8s-check: OK — ${#overlays[@]} overlays (${overlays[*]}) rendered, $objects objects valid for Kubernetes $KUBERNETES_VERSION; checkov $ck_passed passed, 0 failed, $ck_skipped skipped; hadolint clean; shellcheck clean; $rules ($(( $(date +%s) - started )) s)"
