"""Cold start of each function.zip, the way Lambda's managed Java runtime starts it.

For each zip: unzip it into a task directory (Lambda's /var/task), then per run: reset the database from a
template, start `java` with AWS's runtime interface client as main class (cwd = the task directory, whose
classes and lib/*.jar the client loads in its own class loader, as on Lambda) against a mock Runtime API
that serves one event, and take start-to-first-answer = time the answer is posted - time `java` was started.
Reports the median (and min/max) of N runs per function. Run through bench/coldstart/run.sh.

--snapstart (SNAPSTART=1): each init is the one Lambda runs to take a SnapStart snapshot
(AWS_LAMBDA_INITIALIZATION_TYPE=snap-start): the runtime interface client runs the beforeCheckpoint hooks (the
functions' priming), asks for its restore at the snapshot point, then takes the event. The restore itself cannot be
played here (no Firecracker snapshot): the first request after init stands for the first request after a restore.
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import threading
import urllib.parse
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mock_runtime import MockRuntime  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEV_JWT = os.path.join(ROOT, "dev-support", "src", "main", "resources", "dev-jwt")
ISSUER = "https://dev.local/addon-billing"
WEBHOOK_SECRET = "whsec_bench_0123456789abcdef"
DB_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:bench-db"
HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
# What Lambda's java21 runtime gives a 1024 MB function, approximately (heap ~85 % of memory, C1 only, Serial GC)
# and, as its bootstrap does, the CRaC API (org.crac) of the functions bound to the runtime client's hooks
JVM_FLAGS = ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
             "-Xmx870m", "-Djava.net.preferIPv4Stack=true", "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac"]
# JVM_EXTRA="..." adds flags to the measured runs (a profiler agent, say), which then end with a normal JVM exit
JVM_EXTRA = os.environ.get("JVM_EXTRA", "").split()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(sub: str, groups=None) -> str:
    """An RS256 token signed with the dev key (openssl: no Python crypto library needed)."""
    now = int(time.time())
    claims = {"sub": sub, "iss": ISSUER, "iat": now, "exp": now + 3600, "jti": "bench-%d" % now}
    if groups:
        claims["groups"] = groups
    signing_input = b64url(b'{"alg":"RS256","typ":"JWT"}') + "." + b64url(json.dumps(claims).encode())
    sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", os.path.join(DEV_JWT, "private.pem")],
                         input=signing_input.encode(), capture_output=True, check=True).stdout
    return signing_input + "." + b64url(sig)


def http_event(path: str, body: str, headers: dict) -> bytes:
    """An API Gateway HTTP API (payload 2.0) event, as the JWT-authorized route hands it to the function."""
    h = {"content-type": "application/json"}
    h.update({k.lower(): v for k, v in headers.items()})
    return json.dumps({
        "version": "2.0", "routeKey": "POST " + path, "rawPath": path, "rawQueryString": "",
        "headers": h, "body": body, "isBase64Encoded": False,
        "requestContext": {
            "accountId": "000000000000", "apiId": "bench", "domainName": "bench.local", "requestId": "bench",
            "routeKey": "POST " + path, "stage": "$default", "time": "01/Jan/2026:00:00:00 +0000",
            "timeEpoch": int(time.time() * 1000),
            "http": {"method": "POST", "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                     "userAgent": "bench"}},
    }).encode()


def bearer(sub, groups=None):
    return {"authorization": "Bearer " + token(sub, groups)}


def webhook_headers(body: str) -> dict:
    t = int(time.time())
    v1 = hmac.new(WEBHOOK_SECRET.encode(), ("%d." % t).encode() + body.encode(), hashlib.sha256).hexdigest()
    return {"stripe-signature": "t=%d,v1=%s" % (t, v1)}


def http_ok(expected_status, must_contain=()):
    def check(answer: bytes):
        r = json.loads(answer)
        ok = r.get("statusCode") == expected_status and all(s in (r.get("body") or "") for s in must_contain)
        return ok, "%s %s" % (r.get("statusCode"), (r.get("body") or "")[:160])
    return check


def plain_ok(must_contain=()):
    def check(answer: bytes):
        text = answer.decode(errors="replace")
        return all(s in text for s in must_contain), text[:160]
    return check


WEBHOOK_BODY = json.dumps({"id": "evt_bench_1", "object": "event", "type": "customer.created",
                           "created": 1767225600, "data": {"object": {"id": "cus_bench", "object": "customer"}}})
ACCOUNT_SYNC_BODY = json.dumps({
    "accountId": "bench-account", "plan": "LIVE", "billingPeriod": "MONTHLY",
    "cycleStart": datetime.date.today().isoformat(), "currency": "EUR", "timeZone": "Europe/Paris",
    "owner": {"userId": "owner-bench", "name": "Bench Owner"}, "members": []})

# bare has nothing to prime; migrate runs once per deployment and its one request is the migration itself
NOTHING_TO_PRIME = ("bare", "migrate")

# name -> (zip, event factory, answer check, database: "seeded" | "empty", extra env)
CASES = {
    "bare": ("bench/coldstart/bare/target/function.zip",
             lambda: http_event("/hello", "", {}), http_ok(200, ['"greeting":"hello"']), None, {}),
    "quote": ("functions/quote/target/function.zip",
              lambda: http_event("/quote", '{"addOn":"PRESENTERS","quantity":2}', bearer("owner-acme")),
              http_ok(200, ['"quoteId"', '"cyclePrice"']), "seeded", {}),
    "quote-401": ("functions/quote/target/function.zip",
                  lambda: http_event("/quote", '{"addOn":"PRESENTERS","quantity":2}', {}),
                  http_ok(401, ["unauthenticated"]), "seeded", {}),
    # as Terraform configures the datasource: no user in config that exists, user and password from the DB secret
    # (DatabaseSecret), read from a stand-in for Secrets Manager with SnapStart's container credentials
    "quote-db-secret": ("functions/quote/target/function.zip",
                        lambda: http_event("/quote", '{"addOn":"PRESENTERS","quantity":2}', bearer("owner-acme")),
                        http_ok(200, ['"quoteId"']), "seeded",
                        {"QUARKUS_DATASOURCE_CREDENTIALS_PROVIDER": "database",
                         "QUARKUS_DATASOURCE_CREDENTIALS_PROVIDER_NAME": "database-secret",
                         "QUARKUS_DATASOURCE_USERNAME": "no-such-role", "DB_SECRET_ARN": DB_SECRET_ARN}),
    "purchase": ("functions/purchase/target/function.zip",
                 lambda: http_event("/purchase", '{"quoteId":"00000000-0000-4000-8000-00000000be01",'
                                                 '"idempotencyKey":"bench-1"}', bearer("owner-acme")),
                 http_ok(200, ['"purchaseId"']), "seeded", {}),
    "billing-details": ("functions/billing-details/target/function.zip",
                        lambda: http_event("/billing-details", "{}", bearer("owner-acme")),
                        http_ok(200, ['"acme"']), "seeded", {}),
    "invoices": ("functions/invoices/target/function.zip",
                 lambda: http_event("/invoices", "{}", bearer("owner-acme")),
                 http_ok(200, ['"invoices"']), "seeded", {}),
    "entitlements": ("functions/entitlements/target/function.zip",
                     lambda: http_event("/entitlements", "{}", bearer("owner-acme")),
                     http_ok(200), "seeded", {}),
    "account-sync": ("functions/account-sync/target/function.zip",
                     lambda: http_event("/account-sync", ACCOUNT_SYNC_BODY, bearer("platform", ["service"])),
                     http_ok(200, ['"bench-account"']), "seeded", {}),
    "cancel": ("functions/cancel/target/function.zip",
               lambda: http_event("/cancel", '{"purchaseId":"00000000-0000-4000-8000-0000000000a1",'
                                             '"confirmErasure":true}', bearer("owner-acme")),
               http_ok(200, ['"purchaseId"']), "seeded", {}),
    "subaccount-create": ("functions/subaccount-create/target/function.zip",
                          lambda: http_event("/subaccount-create",
                                             '{"name":"Bench team","storageGb":1,"recordingHours":1,'
                                             '"admin":{"userId":"bench-admin","name":"Bench Admin"}}',
                                             bearer("owner-acme")),
                          http_ok(200, ['"subAccountId"']), "seeded", {}),
    "subaccount-delete": ("functions/subaccount-delete/target/function.zip",
                          lambda: http_event("/subaccount-delete",
                                             '{"subAccountId":"00000000-0000-4000-8000-0000000000c1",'
                                             '"confirm":true}', bearer("owner-acme")),
                          http_ok(200, ['"subAccountId"']), "seeded", {}),
    "subaccounts": ("functions/subaccounts/target/function.zip",
                    lambda: http_event("/subaccounts", "{}", bearer("owner-acme")),
                    http_ok(200, ['"subAccounts"', '"seats"']), "seeded", {}),
    "payment-webhook": ("functions/payment-webhook/target/function.zip",
                        lambda: http_event("/payment-webhook", WEBHOOK_BODY, webhook_headers(WEBHOOK_BODY)),
                        http_ok(200, ['"received":true']), "seeded", {}),
    "pay-past-due": ("functions/pay-past-due/target/function.zip",
                     lambda: http_event("/pay-past-due", "{}", bearer("owner-pastdue")),
                     http_ok(200, ['"status":"PAID"']), "seeded", {}),
    "renewal-tick": ("functions/renewal-tick/target/function.zip",
                     lambda: json.dumps({"scheduledTime": datetime.datetime.now(datetime.timezone.utc)
                                        .strftime("%Y-%m-%dT%H:%M:%SZ")}).encode(),
                     plain_ok(), "seeded", {}),
    # one pass (not the 55 s the schedule gives it) over seed.sql's unpublished event, to a stand-in EventBridge
    "event-relay": ("functions/event-relay/target/function.zip",
                    lambda: json.dumps({"scheduledTime": datetime.datetime.now(datetime.timezone.utc)
                                       .strftime("%Y-%m-%dT%H:%M:%SZ")}).encode(),
                    plain_ok(['"published":1']), "seeded",
                    {"BILLING_EVENTS_RUN_FOR": "0S", "BILLING_EVENTS_ENDPOINT": "stand-in"}),
    # yesterday (UTC) against the local provider, which has charged nothing: a clean report
    "reconcile": ("functions/reconcile/target/function.zip",
                  lambda: json.dumps({"scheduledTime": datetime.datetime.now(datetime.timezone.utc)
                                     .strftime("%Y-%m-%dT%H:%M:%SZ")}).encode(),
                  plain_ok(['"differences":[]']), "seeded", {}),
    "migrate": ("functions/migrate/target/function.zip",
                lambda: b"{}", plain_ok(['"migrationsExecuted"']), "empty", {}),
}


class SecretsManager:
    """Stand-ins for what a SnapStart function reads its secrets from: the container-credentials endpoint
    (GET /credentials, Authorization = AWS_CONTAINER_AUTHORIZATION_TOKEN) and Secrets Manager (POST /, which
    knows the database secret; the signature is not checked); and EventBridge's PutEvents (POST / with
    X-Amz-Target AWSEvents.PutEvents), which accepts every entry."""

    def __init__(self):
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, body):
                self.send_response(status)
                self.send_header("Content-Type", "application/x-amz-json-1.1")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                known = self.path == "/credentials" and self.headers.get("Authorization") == "bench-token"
                self.answer(200 if known else 401, json.dumps({
                    "AccessKeyId": "ASIABENCH", "SecretAccessKey": "bench", "Token": "bench-session",
                    "Expiration": "2099-01-01T00:00:00Z"}).encode() if known else b"{}")

            def do_POST(self):
                request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
                if self.headers.get("X-Amz-Target") == "AWSEvents.PutEvents":
                    return self.answer(200, json.dumps({"FailedEntryCount": 0, "Entries": [
                        {"EventId": "bench-%d" % i} for i, _ in enumerate(request.get("Entries", []))]}).encode())
                known = request.get("SecretId") == DB_SECRET_ARN
                self.answer(200 if known else 400, json.dumps({"ARN": DB_SECRET_ARN, "Name": "db", "SecretString": json.dumps(
                    {"username": "postgres", "password": "bench"})}).encode() if known else b"{}")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


class Postgres:
    def __init__(self, port, psql):
        self.port = port
        self.psql = psql

    def sql(self, statement, db="postgres"):
        subprocess.run([self.psql, "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", "postgres", "-d", db, "-c", statement], check=True, capture_output=True)

    def prepare_template(self, migrate, demo_sql, seed_sql):
        """bench_template: migrated by the migrate function itself (the deploy step), then demo data + seed."""
        self.sql("drop database if exists bench with (force)")
        self.sql("drop database if exists bench_template with (force)")
        self.sql("create database bench_template")
        migrate(self.port)
        for f in (demo_sql, seed_sql):
            subprocess.run([self.psql, "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port),
                            "-U", "postgres", "-d", "bench_template", "-f", f], check=True, capture_output=True)

    def fresh(self, kind):
        """bench: a copy of bench_template (migrated + demo data) or an empty database."""
        self.sql("drop database if exists bench with (force)")
        self.sql("create database bench" + (" template bench_template" if kind == "seeded" else ""))


_secrets_extension = []


def secrets_port():
    """Started on first use, for the whole run."""
    if not _secrets_extension:
        _secrets_extension.append(SecretsManager())
    return _secrets_extension[0].port


SNAPSTART = []  # [True] with --snapstart


def env_for(case_db, pg_port, rapi_port, extra, db="bench"):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUARKUS_", "MP_", "JAVA_TOOL"))}
    env.update({
        "AWS_LAMBDA_INITIALIZATION_TYPE": "snap-start" if SNAPSTART else "on-demand",
        "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:%d" % rapi_port,
        "_HANDLER": HANDLER,
        "AWS_LAMBDA_FUNCTION_NAME": "bench", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "1024",
        "AWS_LAMBDA_FUNCTION_VERSION": "1", "AWS_REGION": "eu-west-1", "TZ": "UTC",
    })
    if case_db:
        env.update({
            "QUARKUS_DATASOURCE_JDBC_URL": "jdbc:postgresql://127.0.0.1:%d/%s" % (pg_port, db),
            "QUARKUS_DATASOURCE_USERNAME": "postgres", "QUARKUS_DATASOURCE_PASSWORD": "bench",
            "QUARKUS_FLYWAY_MIGRATE_AT_START": "false",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION": "file:" + os.path.join(DEV_JWT, "public.pem"),
            "MP_JWT_VERIFY_ISSUER": ISSUER,
            "BILLING_PAYMENT_PROVIDER": "local",
            "STRIPE_WEBHOOK_SECRETS": WEBHOOK_SECRET,
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:%d/credentials" % secrets_port(),
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "bench-token",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://127.0.0.1:%d" % secrets_port(),
        })
    env.update({k: ("http://127.0.0.1:%d" % secrets_port() if v == "stand-in" else v) for k, v in extra.items()})
    return env


def run_once(java, ric_cp, task_dir, event, env_builder, jvm_extra=(), log_path=None, graceful_exit=False):
    with MockRuntime(event) as rt:
        env = env_builder(rt.port)
        out = open(log_path, "wb") if log_path else subprocess.DEVNULL
        start = time.time()
        proc = subprocess.Popen([java, *JVM_FLAGS, *jvm_extra, "-cp", ric_cp,
                                 "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER],
                                cwd=task_dir, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        finished = rt.done.wait(120)
        reaped = None
        if graceful_exit:  # a normal JVM exit: what -XX:ArchiveClassesAtExit or a profiler needs to write its file
            os.killpg(proc.pid, signal.SIGTERM)
            deadline = time.time() + 120
            while reaped is None and time.time() < deadline:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                reaped = (status, usage) if pid else None
                time.sleep(0.05)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        status, usage = reaped or os.wait4(proc.pid, 0)[1:]
        proc.returncode = status
        if log_path:
            out.close()
        if not finished:
            return None
        return {"total": rt.answered_at - start, "cpu": usage.ru_utime + usage.ru_stime,
                "init": (rt.served_at - start) if rt.served_at else None,
                "snapshot": (rt.restored_at - start) if rt.restored_at else None, "served_at": rt.served_at,
                "answered_at": rt.answered_at,
                "status": rt.status, "body": rt.body}


FAMILIES = [("hibernate", ("org.hibernate.",)), ("jackson", ("com.fasterxml.",)),
            ("vert.x+netty", ("io.vertx.", "io.netty.")), ("flyway", ("org.flywaydb.",)),
            ("narayana", ("com.arjuna.", "org.jboss.narayana.", "io.agroal.")),
            ("jwt", ("io.smallrye.jwt.", "org.jose4j.")), ("postgresql", ("org.postgresql.",)),
            ("quarkus+arc+config", ("io.quarkus.", "io.smallrye.config.")), ("app", ("com.webinar.",)),
            ("jdk tls+http client", ("sun.security.", "javax.net.ssl.", "jdk.internal.net.http.", "java.net.http."))]


CLASSLOG_DECORATIONS = "uptime,timemillis"


def class_loads(classlog):
    """(uptime in s, class name, source) for each line of a -Xlog:class+load=info:file=...:uptime log."""
    for t, _, cls, source in class_loads_at(classlog):
        yield t, cls, source


def class_loads_at(classlog):
    """(uptime in s, wall clock in ms or None, class name, source) per line of a class+load log (CLASSLOG_DECORATIONS)."""
    for line in open(classlog):
        m = re.match(r"\[([0-9.]+)s\](?:\[([0-9]+)ms\])? (\S+) source: (.*)$", line)
        if m:
            yield float(m.group(1)), int(m.group(2)) if m.group(2) else None, m.group(3), m.group(4).strip()


def first_request_classes(classlog, run):
    """The classes loaded from the runtime's first ask for an event to its answer (wall clock): what the first
    request loads. Under SNAPSTART=1 that is after the snapshot point, what the first request after a restore would
    load. (What the runtime client loads after its answer, asking for the next event, is not counted.)"""
    start, end = run["served_at"] * 1000, run["answered_at"] * 1000
    return [(cls, source) for _, ms, cls, source in class_loads_at(classlog) if ms is not None and start < ms <= end]


def families(classlog):
    """Classes loaded per library family, and the span of uptime in which each family loaded them."""
    out = {}
    for t, cls, _ in class_loads(classlog):
        fam = next((f for f, prefixes in FAMILIES if cls.startswith(prefixes)), None)
        if fam:
            n, first, last = out.get(fam, (0, t, t))
            out[fam] = (n + 1, min(first, t), max(last, t))
    return {f: "%d classes, %.2f–%.2f s" % v for f, v in out.items()}


# Only libraries whose static initialisers need nothing of the application: Quarkus preloads (and initialises)
# the listed classes early in the function's static init, before CDI and the runtime config exist
# (quarkus.snapstart.preload-classes / initialize-classes). Not Narayana: its statics read its configuration,
# which Quarkus sets later; not the CDI-facing libraries (smallrye-jwt, Agroal) either. billing-core is the JDK only.
PRELOADABLE = ("org.hibernate.", "org.antlr.", "org.postgresql.", "org.jose4j.", "com.fasterxml.jackson.",
               "com.webinar.billing.core.")
PRELOAD_HEADER = """# Library classes that this function loads for its first request, after its init: Quarkus preloads them during
# init (quarkus.snapstart.preload-classes), so that with SnapStart they are in the snapshot instead of in the
# first request after a restore. Written by bench/coldstart/coldstart.py (PRELOADABLE says which libraries);
# a class that is not there is skipped. Regenerate: PRELOAD_LIST=1 bash bench/coldstart/run.sh
"""
PRELOAD_FILE = "src/main/resources/META-INF/quarkus-preload-classes.txt"


def write_preload_lists(a, pg, names, tasks):
    """Per function module: the library classes its first request loads after init (run without a list)."""
    for name in names:
        zip_rel, event_of, check, db, extra = CASES[name]
        if name in ("quote-401", "migrate") or not zip_rel.startswith("functions/"):
            continue
        if db:
            pg.fresh(db)
        cl = os.path.join(a.work, "%s-preload-classes.txt" % name)
        res = run_once(a.java, a.ric_cp, tasks[zip_rel], event_of(),
                       lambda port: env_for(db, a.pg_port, port, extra),
                       jvm_extra=["-Xlog:class+load=info:file=%s:%s" % (cl, CLASSLOG_DECORATIONS)])
        if not res or res["status"] != "response" or not check(res["body"])[0]:
            sys.exit("%s did not answer as expected: no preload list written" % name)
        after_init = preloadable(first_request_classes(cl, res))
        out = os.path.join(ROOT, os.path.dirname(os.path.dirname(zip_rel)), PRELOAD_FILE)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w") as f:
            f.write(PRELOAD_HEADER)
            f.writelines(c + "\n" for c in sorted(after_init))
        print("%-18s %4d library classes loaded after init -> %s" % (name, len(after_init), out), flush=True)


def preloadable(classes):
    """The classes of a list of (name, source) that a preload list may hold."""
    return {cls for cls, source in classes
            if cls.startswith(PRELOADABLE) and "$$" not in cls and source.startswith("file:")}


def extend_preload_list(zip_rel, classes):
    """Adds to a function module's list the preloadable classes its first request still loaded (PRELOAD_EXTEND=1
    with SNAPSTART=1 CLASSLOG=1: what priming does not reach); creates the list if the module has none."""
    if not zip_rel.startswith("functions/"):
        return 0
    out = os.path.join(ROOT, os.path.dirname(os.path.dirname(zip_rel)), PRELOAD_FILE)
    listed = set()
    if os.path.exists(out):
        listed = {line.strip() for line in open(out) if line.strip() and not line.startswith("#")}
    added = preloadable(classes) - listed
    if added:
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w") as f:
            f.write(PRELOAD_HEADER)
            f.writelines(c + "\n" for c in sorted(listed | added))
    return len(added)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--java", default="java")
    p.add_argument("--ric-cp", required=True)
    p.add_argument("--pg-port", type=int, required=True)
    p.add_argument("--psql", default="psql")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--work", required=True)
    p.add_argument("--only", default="", help="comma-separated case names")
    p.add_argument("--out", default="")
    p.add_argument("--classlog", action="store_true", help="one extra run per case with -Xlog:class+load")
    p.add_argument("--cds", action="store_true", help="what-if: one training run per zip writes a dynamic AppCDS "
                   "archive (-XX:ArchiveClassesAtExit), the measured runs use it (-XX:SharedArchiveFile)")
    p.add_argument("--snapstart", action="store_true", help="init as for a SnapStart snapshot, priming included")
    p.add_argument("--preload-lists", action="store_true", help="instead of measuring, write each function "
                   "module's META-INF/quarkus-preload-classes.txt: the library classes its first request loads")
    p.add_argument("--extend-preload-lists", action="store_true", help="with --classlog: add to each function "
                   "module's preload list the preloadable classes its first request still loads")
    a = p.parse_args()
    if a.snapstart:
        SNAPSTART.append(True)

    pg = Postgres(a.pg_port, a.psql)
    names = [n for n in CASES if not a.only or n in a.only.split(",")]
    results = {}
    tasks = {}

    def unzip(zip_rel):
        if zip_rel not in tasks:
            d = os.path.join(a.work, "task-" + re.sub(r"\W", "_", zip_rel))
            shutil.rmtree(d, ignore_errors=True)
            with zipfile.ZipFile(os.path.join(ROOT, zip_rel)) as z:
                z.extractall(d)
            tasks[zip_rel] = d
        return tasks[zip_rel]

    for name in names:
        unzip(CASES[name][0])

    def migrate_template(port):
        res = run_once(a.java, a.ric_cp, tasks.get(CASES["migrate"][0]) or unzip(CASES["migrate"][0]),
                       b"{}", lambda rport: env_for("empty", port, rport, {}, db="bench_template"),
                       log_path=os.path.join(a.work, "prepare-migrate.log"))
        if not res or res["status"] != "response":
            sys.exit("the migrate function did not migrate bench_template: see %s/prepare-migrate.log" % a.work)
        print("bench_template migrated by the migrate function: %s" % res["body"].decode(), flush=True)

    pg.prepare_template(migrate_template,
                        os.path.join(ROOT, "local", "src", "main", "resources", "db", "demo", "R__demo_data.sql"),
                        os.path.join(ROOT, "bench", "coldstart", "seed.sql"))

    if a.preload_lists:
        write_preload_lists(a, pg, names, tasks)
        return

    archives = {}
    if a.cds:
        for name in names:
            zip_rel, event_of, check, db, extra = CASES[name]
            if zip_rel in archives:
                continue
            if db:
                pg.fresh(db)
            jsa = os.path.join(a.work, re.sub(r"\W", "_", zip_rel) + ".jsa")
            run_once(a.java, a.ric_cp, tasks[zip_rel], event_of(), lambda port: env_for(db, a.pg_port, port, extra),
                     jvm_extra=["-XX:ArchiveClassesAtExit=" + jsa], graceful_exit=True,
                     log_path=os.path.join(a.work, "%s-cds-training.log" % name))
            if not os.path.exists(jsa):
                sys.exit("no CDS archive written for %s: see %s-cds-training.log" % (zip_rel, name))
            archives[zip_rel] = ["-XX:SharedArchiveFile=" + jsa]
            print("%-18s CDS archive %s (%d MB)" % (name, jsa, os.path.getsize(jsa) // 2**20), flush=True)

    # interleave the runs (round r of every case, then round r+1) so that noise from the machine spreads evenly
    for r in range(a.runs):
        for name in names:
            zip_rel, event_of, check, db, extra = CASES[name]
            if db:
                pg.fresh(db)
            log = os.path.join(a.work, "%s-run%d.log" % (name, r + 1))
            res = run_once(a.java, a.ric_cp, tasks[zip_rel], event_of(),
                           lambda port: env_for(db, a.pg_port, port, extra), log_path=log,
                           jvm_extra=archives.get(zip_rel, []) + JVM_EXTRA, graceful_exit=bool(JVM_EXTRA))
            entry = results.setdefault(name, {"runs": [], "init": [], "ok": True, "answer": ""})
            if res is None or res["status"] != "response":
                entry["ok"] = False
                entry["answer"] = "no answer" if res is None else "%s: %s" % (res["status"], res["body"][:300])
                print("%-18s run %d: FAILED (%s), log %s" % (name, r + 1, entry["answer"], log), flush=True)
                continue
            ok, shown = check(res["body"])
            if SNAPSTART and res["snapshot"] is None:
                ok, shown = False, "no snapshot point: the runtime client never asked for its restore"
            primed = re.search(rb'primed for the snapshot: (\{[^}"]*\})', open(log, "rb").read())
            if SNAPSTART and name not in NOTHING_TO_PRIME and not primed:
                ok, shown = False, "not primed (no 'primed for the snapshot' in %s)" % log
            if not SNAPSTART and primed:
                ok, shown = False, "primed at an on-demand init (%s)" % log
            entry["primed"] = primed.group(1).decode(errors="replace") if primed else ""
            entry["answer"] = shown
            entry["runs"].append(res["total"])
            entry.setdefault("cpu", []).append(res["cpu"])
            if res["init"] is not None:
                entry["init"].append(res["init"])
            started = re.search(rb"started in ([0-9.]+)s", open(log, "rb").read())
            entry.setdefault("quarkus_started", []).append(float(started.group(1)) if started else None)
            if not ok:
                entry["ok"] = False
            print("%-18s run %d: %.3f s (init %.3f s)%s" % (name, r + 1, res["total"], res["init"] or -1,
                                                            "" if ok else "  WRONG ANSWER: " + shown), flush=True)

    if a.classlog:
        for name in names:
            zip_rel, event_of, check, db, extra = CASES[name]
            if db:
                pg.fresh(db)
            cl = os.path.join(a.work, "%s-classes.txt" % name)
            res = run_once(a.java, a.ric_cp, tasks[zip_rel], event_of(),
                           lambda port: env_for(db, a.pg_port, port, extra),
                           jvm_extra=["-Xlog:class+load=info:file=%s:%s" % (cl, CLASSLOG_DECORATIONS)],
                           log_path=os.path.join(a.work, "%s-classlog-run.log" % name))
            results[name]["classes_loaded"] = sum(1 for _ in open(cl))
            results[name]["families"] = families(cl)
            if res and res["status"] == "response" and res.get("served_at"):
                first = first_request_classes(cl, res)
                results[name]["first_request_classes"] = len(first)
                listed = os.path.join(a.work, "%s-first-request-classes.txt" % name)
                with open(listed, "w") as f:
                    f.writelines("%s %s\n" % c for c in first)
                results[name]["first_request_classes_file"] = listed
                if a.extend_preload_lists:
                    print("%-18s %d classes added to its preload list" % (name, extend_preload_list(zip_rel, first)))

    for name, e in results.items():
        e["zip_bytes"] = os.path.getsize(os.path.join(ROOT, CASES[name][0]))
        e["median"] = statistics.median(e["runs"]) if e["runs"] else None
        e["init_median"] = statistics.median(e["init"]) if e["init"] else None
        # what a SnapStart restore still pays: the first request, after init (the restore itself not included)
        firsts = [t - i for t, i in zip(e["runs"], e["init"])] if len(e["init"]) == len(e["runs"]) else []
        e["first_request_median"] = statistics.median(firsts) if firsts else None
        e["cpu_median"] = statistics.median(e["cpu"]) if e.get("cpu") else None
        started = [q for q in e.get("quarkus_started", []) if q]
        e["quarkus_median"] = statistics.median(started) if started else None
    bare = results.get("bare", {}).get("median")
    bare_first = results.get("bare", {}).get("first_request_median")
    bare_init = results.get("bare", {}).get("init_median")

    def ratio(value, yardstick):
        return "%.2f" % (value / yardstick) if value and yardstick else "—"

    print()
    print("%s: medians of %d runs" % ("SnapStart init (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start, priming included)"
                                      if SNAPSTART else "on-demand init", a.runs))
    print("| function | function.zip bytes | start to first answer, median of %d (min–max) | × bare "
          "| init: start to first /next | init × bare | first request, s (answer − init) | first request × bare "
          "| Quarkus \"started in\" | CPU s (user+sys) | classes loaded | classes loaded by the first request "
          "| answer |" % a.runs)
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, e in results.items():
        m = e["median"]
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, "{:,}".format(e["zip_bytes"]),
            "%.2f s (%.2f–%.2f)" % (m, min(e["runs"]), max(e["runs"])) if m else "—",
            ratio(m, bare),
            "%.2f s" % e["init_median"] if e["init_median"] else "—",
            ratio(e["init_median"], bare_init),
            "%.3f" % e["first_request_median"] if e.get("first_request_median") else "—",
            ratio(e.get("first_request_median"), bare_first),
            "%.2f s" % e["quarkus_median"] if e.get("quarkus_median") else "—",
            "%.2f" % e["cpu_median"] if e.get("cpu_median") else "—",
            e.get("classes_loaded", "—"),
            e.get("first_request_classes", "—"),
            ("ok " if e["ok"] else "WRONG ") + e["answer"].replace("|", "\\|")[:70]))
    if SNAPSTART:
        print()
        print("what each function primed (its log, last run):")
        for name, e in results.items():
            print("  %s: %s" % (name, e.get("primed") or "—"))
    if a.classlog:
        print()
        print("classes loaded per family (uptime span) in the -Xlog:class+load run:")
        for name, e in results.items():
            print("  %s: %s" % (name, "; ".join("%s %s" % kv for kv in e.get("families", {}).items())))
    if a.out:
        with open(a.out, "w") as f:
            json.dump({k: {kk: vv for kk, vv in v.items() if kk != "body"} for k, v in results.items()}, f,
                      indent=1, default=str)
    sys.exit(0 if all(e["ok"] for e in results.values()) else 1)


if __name__ == "__main__":
    main()
