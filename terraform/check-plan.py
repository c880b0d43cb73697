#!/usr/bin/env python3
"""Asserts the go-live properties of the offline plan (terraform show -json), run by ci-check.sh.

    python3 check-plan.py plan.json

Each check names what it protects; the first failure is reported with every other one.
"""
import json
import sys


def resources(module):
    for r in module.get("resources", []):
        yield r
    for child in module.get("child_modules", []):
        yield from resources(child)


def config_resources(module, prefix=""):
    for r in module.get("resources", []):
        yield prefix + r["address"], r
    for name, call in module.get("module_calls", {}).items():
        yield from config_resources(call["module"], prefix + "module." + name + ".")


def constants(node):
    """Every constant_value in a configuration expression tree."""
    if isinstance(node, dict):
        if "constant_value" in node:
            yield node["constant_value"]
        for value in node.values():
            yield from constants(value)
    elif isinstance(node, list):
        for value in node:
            yield from constants(value)


def main(path):
    plan = json.load(open(path))
    planned = list(resources(plan["planned_values"]["root_module"]))
    by_type = {}
    for r in planned:
        by_type.setdefault(r["type"], []).append(r)
    config = dict(config_resources(plan["configuration"]["root_module"]))
    variables = {k: v["value"] for k, v in plan["variables"].items()}
    failures = []

    def check(what, ok):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    def one(type_, name):
        return next((r for r in by_type.get(type_, []) if r["name"] == name), None)

    # Blocker: no secrets extension layer any more
    lambdas = by_type.get("aws_lambda_function", [])
    check("every function is planned", len(lambdas) >= 16)
    names = {r["values"]["function_name"] for r in lambdas}
    check("the owner's sub-account list (subaccounts) is planned",
          any(n.endswith("-subaccounts") for n in names))
    jwt_routes = {r["values"]["route_key"] for r in by_type.get("aws_apigatewayv2_route", [])
                  if r["values"]["authorization_type"] == "JWT"}
    check("POST /subaccounts is routed behind the JWT authorizer", "POST /subaccounts" in jwt_routes)
    check("no function has a layer (the secrets extension is gone)", all(not r["values"].get("layers") for r in lambdas))

    # Tick failures: event-invoke config on the alias, retried, dead-lettered, with IAM
    invoke = by_type.get("aws_lambda_function_event_invoke_config", [])
    check("the tick has an event-invoke config on its alias",
          len(invoke) == 1 and invoke[0]["values"]["qualifier"] == variables["alias_name"])
    if invoke:
        v = invoke[0]["values"]
        check("the tick's event-invoke config retries and has a maximum event age",
              v["maximum_retry_attempts"] >= 1 and 60 <= v["maximum_event_age_in_seconds"] <= 21600)
        check("the tick's failures go to an on-failure destination", len(v["destination_config"]) == 1
              and len(v["destination_config"][0]["on_failure"]) == 1)
    tick_policy = config.get("data.aws_iam_policy_document.tick_on_failure")
    check("the tick's role may send to the dead-letter queue",
          tick_policy is not None and "sqs:SendMessage" in json.dumps(tick_policy["expressions"]))

    # Database logins: one secret and one proxy auth entry each, the master for migrate only
    logins = by_type.get("aws_secretsmanager_secret", [])
    check("billing_app and billing_migrator have secrets of their own",
          sorted(r["index"] for r in logins if r["name"] == "db_login") == ["app", "migrator"])
    proxy = one("aws_db_proxy", "this")
    check("RDS Proxy has an auth entry per login (master, app, migrator)", proxy is not None and len(proxy["values"]["auth"]) == 3)
    check("RDS Proxy requires TLS", proxy is not None and proxy["values"]["require_tls"] is True)
    trust = config.get("data.aws_iam_policy_document.proxy_assume")
    check("the RDS Proxy role's trust is limited by aws:SourceAccount",
          trust is not None and "aws:SourceAccount" in list(constants(trust["expressions"])))

    # Pooled connections: the proxy gives up before the functions time out
    target_group = one("aws_db_proxy_default_target_group", "this")
    borrow = target_group["values"]["connection_pool_config"][0]["connection_borrow_timeout"] if target_group else None
    check("the proxy's borrow timeout is shorter than every function's timeout",
          borrow is not None and all(borrow < r["values"]["timeout"] for r in lambdas))

    # Lambda settings
    check("every function logs in JSON", all(r["values"]["logging_config"][0]["log_format"] == "JSON" for r in lambdas))
    webhook = next((r for r in lambdas if r["values"]["function_name"].endswith("-payment-webhook")), None)
    check("the unauthenticated webhook has a concurrency cap",
          webhook is not None and webhook["values"]["reserved_concurrent_executions"] > 0)
    stage = one("aws_apigatewayv2_stage", "default")
    routes = {s["route_key"]: s for s in stage["values"].get("route_settings", [])} if stage else {}
    default = stage["values"]["default_route_settings"][0] if stage else {}
    hook = routes.get("POST /payment-webhook")
    check("the webhook route has throttling of its own, below the API's",
          hook is not None and hook["throttling_rate_limit"] < default.get("throttling_rate_limit", 0)
          and hook["throttling_burst_limit"] < default.get("throttling_burst_limit", 0))
    prune = [r for r in by_type.get("terraform_data", []) if r["name"] == "prune_versions"]
    check("old Lambda versions are pruned after each deployment", len(prune) == len(lambdas))

    # Alarms
    alarms = {r["values"]["alarm_name"]: r["values"] for r in by_type.get("aws_cloudwatch_metric_alarm", [])}

    def alarm(suffix):
        return next((v for k, v in alarms.items() if k.endswith(suffix)), None)

    not_running = alarm("-renewal-tick-not-running")
    check("'the tick did not run': no invocation in 30 minutes, missing data breaching",
          not_running is not None and not_running["period"] * not_running["evaluation_periods"] <= 1800
          and not_running["treat_missing_data"] == "breaching" and not_running["comparison_operator"] == "LessThanThreshold")
    for suffix, metric in [("-scheduler-target-errors", "TargetErrorCount"),
                           ("-scheduler-dropped-invocations", "InvocationDroppedCount"),
                           ("-aurora-capacity", "ACUUtilization"), ("-aurora-cpu", "CPUUtilization"),
                           ("-aurora-memory", "FreeableMemory"),
                           ("-proxy-borrow-latency", "DatabaseConnectionsBorrowLatency"),
                           ("-proxy-pinned-sessions", "DatabaseConnectionsCurrentlySessionPinned"),
                           ("-stripe-payments-left-pending", "PaymentsLeftPending")]:
        a = alarm(suffix)
        check("alarm on %s (%s)" % (metric, suffix[1:]), a is not None and a["metric_name"] == metric)
    filters = by_type.get("aws_cloudwatch_log_metric_filter", [])
    check("'left pending' is counted in the purchase, pay-past-due and renewal-tick logs",
          sorted(r["index"] for r in filters if r["name"] == "payments_left_pending")
          == ["pay-past-due", "purchase", "renewal-tick"])
    # Reconciliation: scheduled daily, alarmed on its differences and on its silence
    reconcile = one("aws_scheduler_schedule", "reconcile")
    check("the reconciliation is scheduled once a day",
          reconcile is not None and reconcile["values"]["schedule_expression"].startswith("cron("))
    differences = alarm("-reconciliation-differences")
    check("alarm on ReconciliationDifferences (reconciliation-differences)",
          differences is not None and differences["metric_name"] == "ReconciliationDifferences"
          and differences["threshold"] == 1 and differences["comparison_operator"] == "GreaterThanOrEqualToThreshold")
    silent = alarm("-reconcile-not-running")
    check("'the reconciliation did not run': no invocation in a day, missing data breaching",
          silent is not None and silent["treat_missing_data"] == "breaching")
    api_5xx = alarm("-api-5xx")
    check("one caller cannot trip the 5xx alarm (count and rate, 2 of 3 periods)",
          api_5xx is not None and api_5xx["datapoints_to_alarm"] == 2 and api_5xx["evaluation_periods"] == 3
          and api_5xx["metric_query"] and variables["api_5xx_alarm_threshold"] > 1)

    # Single points of failure: instances spread over zones
    instances = by_type.get("aws_rds_cluster_instance", [])
    zones = [r["values"]["availability_zone"] for r in sorted(instances, key=lambda r: r["index"])]
    check("Aurora instances are placed zone by zone", len(set(zones)) >= min(2, len(zones))
          and zones == [variables["availability_zones"][i % len(variables["availability_zones"])] for i in range(len(zones))])
    cluster = one("aws_rds_cluster", "this")
    snapshot = cluster["values"].get("final_snapshot_identifier") if cluster else None
    check("a final snapshot, when taken, has a unique name",
          variables["db_skip_final_snapshot"] or (snapshot is not None and snapshot[-14:].isdigit()))

    if failures:
        print("\ncheck-plan: %d check(s) failed" % len(failures), file=sys.stderr)
        sys.exit(1)
    print("check-plan: every go-live check holds")


if __name__ == "__main__":
    main(sys.argv[1])
