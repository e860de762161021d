"""The deployment as an operator receives it: `tools/k8s/check.sh` (render, kubernetes-validate, checkov,
hadolint, shellcheck, promtool) is green, and the rendered manifests hold the facts the docs promise.

The manifests are rendered with the check's own kubectl (.venv-k8s) and parsed with that venv's PyYAML, so the
service's environment needs neither. Skipped, with the reason, only when pip cannot install the tools.
"""

from __future__ import annotations

import ipaddress
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-k8s"
OVERLAYS = sorted(p.name for p in (ROOT / "k8s" / "overlays").iterdir() if p.is_dir())
UVICORN_GRACEFUL_SHUTDOWN = 10  # gql/__main__.py: timeout_graceful_shutdown


@pytest.fixture(scope="module")
def check_run() -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(["bash", str(ROOT / "tools" / "k8s" / "check.sh")], cwd=ROOT, text=True,
                                capture_output=True, timeout=900)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"tools/k8s/check.sh did not finish in {exc.timeout} s")
    if result.returncode != 0 and "FAILED at pip install" in result.stderr:
        pytest.skip("pip could not install the check tools (tools/k8s/requirements.txt): "
                    + result.stderr.strip().splitlines()[-1])
    return result


def yaml_docs(text: str) -> list[dict[str, Any]]:
    """YAML documents as JSON, through the check venv's PyYAML."""
    out = subprocess.run([str(VENV / "bin" / "python"), "-c",
                          "import sys, json, yaml; json.dump([d for d in yaml.safe_load_all(sys.stdin) if d], sys.stdout)"],
                         input=text, text=True, capture_output=True, timeout=60, check=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def rendered(check_run: subprocess.CompletedProcess[str]) -> dict[str, list[dict[str, Any]]]:
    """overlay name → its objects."""
    assert check_run.returncode == 0, check_run.stdout[-3000:] + check_run.stderr[-6000:]
    out = {}
    for name in OVERLAYS:
        text = subprocess.run([str(VENV / "bin" / "kubectl"), "kustomize", str(ROOT / "k8s" / "overlays" / name)],
                              text=True, capture_output=True, timeout=60, check=True).stdout
        out[name] = yaml_docs(text)
    return out


def one(objects: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    found = [o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} found"
    return found[0]


def workloads(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [o for o in objects if o["kind"] in ("Deployment", "StatefulSet", "Job", "DaemonSet", "CronJob")]


def pod_spec(workload: dict[str, Any]) -> dict[str, Any]:
    return workload["spec"]["template"]["spec"]


def test_check_script_is_green_and_says_so_in_one_line(check_run: subprocess.CompletedProcess[str]) -> None:
    assert check_run.returncode == 0, check_run.stdout[-3000:] + check_run.stderr[-6000:]
    summary = [line for line in check_run.stdout.splitlines() if line.startswith("k8s-check:")]
    assert len(summary) == 1 and summary[0].startswith("k8s-check: OK"), check_run.stdout
    assert ", 0 failed," in summary[0]
    for overlay in ("dev", "prod"):
        assert overlay in summary[0]


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_api_pods_probe_drain_and_run_locked_down(rendered: dict, overlay: str) -> None:
    objects = rendered[overlay]
    deployment = one(objects, "Deployment", "qsradar-api")
    spec = pod_spec(deployment)
    (api,) = spec["containers"]
    assert api["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert api["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert api["startupProbe"]["httpGet"]["path"] == "/healthz"
    # preStop keeps the pod serving while it leaves the endpoints; the grace covers it plus uvicorn's drain.
    sleep = int(api["lifecycle"]["preStop"]["exec"]["command"][-1])
    assert sleep >= 5
    assert spec["terminationGracePeriodSeconds"] > sleep + UVICORN_GRACEFUL_SHUTDOWN
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    keys = {c["topologyKey"] for c in spec["topologySpreadConstraints"]}
    assert {"kubernetes.io/hostname", "topology.kubernetes.io/zone"} <= keys
    # Writable places are emptyDirs; the metrics directory is below a mount point (it is re-created at start).
    mounts = {m["mountPath"]: m["name"] for m in api["volumeMounts"]}
    empty_dirs = {v["name"] for v in spec["volumes"] if "emptyDir" in v}
    assert mounts["/tmp"] in empty_dirs
    env = {e["name"]: e for e in api["env"]}
    metrics_dir = env["PROMETHEUS_MULTIPROC_DIR"]["value"]
    assert metrics_dir not in mounts
    assert mounts[str(Path(metrics_dir).parent)] in empty_dirs
    for secret in ("QSRADAR_SECRET_KEY", "MONGODB_URI"):
        assert "secretKeyRef" in env[secret]["valueFrom"]


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_every_container_is_non_root_read_only_and_bounded(rendered: dict, overlay: str) -> None:
    for workload in workloads(rendered[overlay]):
        spec = pod_spec(workload)
        assert spec["securityContext"]["runAsNonRoot"] is True, workload["metadata"]["name"]
        assert spec["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
        assert spec["automountServiceAccountToken"] is False
        for c in spec.get("initContainers", []) + spec["containers"]:
            where = f"{workload['kind']}/{workload['metadata']['name']}/{c['name']}"
            sc = c["securityContext"]
            assert sc["readOnlyRootFilesystem"] is True, where
            assert sc["allowPrivilegeEscalation"] is False, where
            assert sc["capabilities"]["drop"] == ["ALL"], where
            assert sc.get("runAsUser", spec["securityContext"].get("runAsUser", 0)) >= 10000, where
            assert c["resources"]["limits"]["memory"] and c["resources"]["requests"]["cpu"], where


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_network_policies_admit_only_api_pods_to_mongodb_and_only_the_ingress_to_the_api(
        rendered: dict, overlay: str) -> None:
    objects = rendered[overlay]
    deny = one(objects, "NetworkPolicy", "default-deny")
    assert deny["spec"]["podSelector"] == {} and set(deny["spec"]["policyTypes"]) == {"Ingress", "Egress"}

    mongo = one(objects, "NetworkPolicy", "mongodb")
    assert mongo["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "mongodb"
    allowed = []
    for rule in mongo["spec"]["ingress"]:
        assert [p["port"] for p in rule["ports"]] == [27017]
        for peer in rule["from"]:
            assert set(peer) == {"podSelector"}, peer  # same namespace only: no namespaceSelector, no ipBlock
            allowed.append(peer["podSelector"]["matchLabels"])
    client_label = {"qsradar.io/mongodb-client": "true"}
    assert client_label in allowed
    # The label is carried by the API pods and the migration Job, and by nothing else.
    carriers = sorted(w["metadata"]["name"] for w in workloads(objects)
                      if w["spec"]["template"]["metadata"]["labels"].get("qsradar.io/mongodb-client") == "true")
    assert carriers == ["qsradar-api", "qsradar-migrate"]
    others = [a for a in allowed if a != client_label]
    assert {a["app.kubernetes.io/component"] for a in others} == {"mongodb", "mongodb-rs-init"}

    api = one(objects, "NetworkPolicy", "qsradar-api")
    assert api["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "api"
    sources = set()
    for rule in api["spec"]["ingress"]:
        for peer in rule["from"]:
            assert set(peer) == {"namespaceSelector", "podSelector"}, peer
            sources.add(peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"])
    assert sources == {"ingress-nginx", "monitoring"}  # the controller, and Prometheus for /metrics


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_forwarded_allow_ips_names_a_pod_range_not_everyone(rendered: dict, overlay: str) -> None:
    (config,) = [o for o in rendered[overlay] if o["kind"] == "ConfigMap"
                 and o["metadata"]["name"].startswith("qsradar-config")]
    value = config["data"]["FORWARDED_ALLOW_IPS"]
    assert "*" not in value
    for part in value.split(","):
        network = ipaddress.ip_network(part.strip())
        assert network.is_private and network.prefixlen >= 8


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_ingress_hpa_pdb_and_migration_job(rendered: dict, overlay: str) -> None:
    objects = rendered[overlay]
    ingress = one(objects, "Ingress", "qsradar")
    notes = ingress["metadata"]["annotations"]
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert int(notes["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600
    assert notes["nginx.ingress.kubernetes.io/proxy-body-size"]
    assert ingress["spec"]["tls"][0]["secretName"]
    assert ingress["spec"]["tls"][0]["hosts"] == [ingress["spec"]["rules"][0]["host"]]

    hpa = one(objects, "HorizontalPodAutoscaler", "qsradar-api")
    kinds = {(m["type"], m["resource"]["name"] if m["type"] == "Resource" else m["pods"]["metric"]["name"])
             for m in hpa["spec"]["metrics"]}
    assert kinds == {("Resource", "cpu"), ("Pods", "qsradar_websocket_connections")}
    pdb = one(objects, "PodDisruptionBudget", "qsradar-api")
    assert pdb["spec"]["maxUnavailable"] == 1

    job = one(objects, "Job", "qsradar-migrate")
    assert pod_spec(job)["containers"][0]["command"] == ["python", "-m", "documents.db.migrate"]
    assert pod_spec(job)["restartPolicy"] == "Never"


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_mongodb_is_a_three_member_replica_set_with_auth_tls_and_a_day_of_oplog(rendered: dict,
                                                                              overlay: str) -> None:
    objects = rendered[overlay]
    sts = one(objects, "StatefulSet", "mongodb")
    assert sts["spec"]["replicas"] == 3 and sts["spec"]["serviceName"] == "mongodb"
    assert sts["spec"]["volumeClaimTemplates"][0]["spec"]["accessModes"] == ["ReadWriteOnce"]
    headless = one(objects, "Service", "mongodb")
    assert headless["spec"]["clusterIP"] == "None"
    (scripts,) = [o for o in objects if o["kind"] == "ConfigMap" and o["metadata"]["name"].startswith("mongodb-scripts")]
    start = scripts["data"]["mongod-start.sh"]
    for flag in ("--replSet rs0", "--keyFile", "--tlsMode requireTLS", "--oplogMinRetentionHours"):
        assert flag in start, flag
    env = {e["name"]: e.get("value") for e in pod_spec(sts)["containers"][0]["env"]}
    assert int(env["MONGODB_OPLOG_MIN_RETENTION_HOURS"]) >= 24
    cache_gb = float(env["MONGODB_WIREDTIGER_CACHE_GB"])
    limit = pod_spec(sts)["containers"][0]["resources"]["limits"]["memory"]
    assert limit.endswith(("Gi", "Mi"))
    limit_gb = float(limit[:-2]) / (1 if limit.endswith("Gi") else 1024)
    assert cache_gb <= 0.6 * limit_gb, (cache_gb, limit)  # the cache leaves room for connections and the rest
    assert "rs.initiate" in scripts["data"]["rs-init.sh"]
    one(objects, "Job", "mongodb-rs-init")
    assert one(objects, "PodDisruptionBudget", "mongodb")["spec"]["maxUnavailable"] == 1


def test_secret_templates_hold_no_value_and_are_never_rendered(rendered: dict) -> None:
    for path in sorted((ROOT / "k8s" / "secrets").glob("*.template.yaml")):
        (secret,) = yaml_docs(path.read_text())
        assert secret["kind"] == "Secret"
        assert secret["stringData"] and all(v == "" for v in secret["stringData"].values()), path.name
    for objects in rendered.values():
        assert not [o for o in objects if o["kind"] == "Secret"]


def test_dockerfile_is_multi_stage_non_root_and_runtime_only() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", text, re.M)) >= 2
    assert re.search(r"^FROM node:\S+ AS frontend", text, re.M) and re.search(r"^FROM python:3\.11-slim", text, re.M)
    assert re.search(r"pip install .*-c constraints\.txt \.( \\)?$", text, re.M)
    installs = [line for line in text.splitlines() if "pip install" in line]
    assert installs and not any("[dev]" in line for line in installs)
    users = re.findall(r"^USER (\S+)", text, re.M)
    assert users and int(users[-1].split(":")[0]) >= 10000
    ignore = (ROOT / ".dockerignore").read_text().splitlines()
    assert ignore[ignore.index("**")] == "**"  # deny by default; only the sources are let in
    assert not any(line.lstrip("!").startswith((".venv", "var", "tests")) for line in ignore if line.startswith("!"))


def test_alert_rules_have_the_required_alerts_each_with_a_runbook(check_run: subprocess.CompletedProcess[str]) -> None:
    """The YAML-schema check of the rules (promtool also checks them when check.sh could fetch it)."""
    (rules,) = yaml_docs((ROOT / "k8s" / "monitoring" / "prometheus-rules.yaml").read_text())
    runbooks = (ROOT / "docs" / "operations.md").read_text()
    anchors = {re.sub(r"[^a-z0-9 -]", "", h.strip().lower()).replace(" ", "-")
               for h in re.findall(r"^#+ (.+)$", runbooks, re.M)}
    alerts = {}
    for group in rules["groups"]:
        assert set(group) <= {"name", "rules", "interval", "limit"} and group["name"]
        for rule in group["rules"]:
            assert ("alert" in rule) != ("record" in rule), rule
            assert isinstance(rule["expr"], str) and rule["expr"].strip()
            if "alert" in rule:
                assert set(rule) <= {"alert", "expr", "for", "keep_firing_for", "labels", "annotations"}
                assert re.fullmatch(r"\d+[smh]", rule["for"])
                assert rule["labels"]["severity"] in ("warning", "critical")
                assert rule["annotations"]["summary"] and rule["annotations"]["description"]
                anchor = rule["annotations"]["runbook_url"].split("#")[1]
                assert anchor == rule["alert"].lower() and anchor in anchors, anchor
                alerts[rule["alert"]] = rule["expr"]
    assert "qsradar_alert_fanout_lag_seconds" in alerts["QsradarFanoutLagHigh"]
    assert "kube_pod_status_ready" in alerts["QsradarReadinessFlapping"]
    assert "qsradar_change_stream_errors_total" in alerts["QsradarChangeStreamErrors"]
    assert 'status=~"5.."' in alerts["QsradarHigh5xxRate"]


def test_grafana_dashboard_queries_the_service_metrics() -> None:
    dashboard = json.loads((ROOT / "k8s" / "monitoring" / "grafana-dashboard.json").read_text())
    assert dashboard["uid"] and dashboard["panels"]
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    assert all(e.strip() for e in exprs)
    for metric in ("qsradar_websocket_connections", "qsradar_alert_fanout_lag_seconds",
                   "qsradar:graphql_request_seconds:p99_5m", "qsradar_alert_log_position"):
        assert any(metric in e for e in exprs), metric
