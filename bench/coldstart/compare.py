"""The before/after table of docs/benchmarks.md ("SnapStart priming"), from two coldstart.py results files.

before: on-demand init (nothing primed); after: SNAPSTART=1 (SnapStart init, priming included). Medians over the
runs of each; the ratios are to bare's median of the same mode. Run through `COMPARE=1 bash bench/coldstart/run.sh`,
or by hand: python3 bench/coldstart/compare.py before.json after.json
"""

import json
import sys

HEADER = ("| function | first request, before (on-demand) | × bare | first request, after (SnapStart, primed) | × bare "
          "| init, after | × bare's init | classes loaded by the first request, before | after |")
RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|"


def seconds(value):
    return "%.3f s" % value if value else "—"


def ratio(value, yardstick):
    return "%.2f" % (value / yardstick) if value and yardstick else "—"


def table(before, after):
    bare_before = before.get("bare", {})
    bare_after = after.get("bare", {})
    lines = [HEADER, RULE]
    for name in list(before) + [n for n in after if n not in before]:
        b, a = before.get(name, {}), after.get(name, {})
        wrong = [mode for mode, e in (("before", b), ("after", a)) if e and not e.get("ok")]
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%s" % (
            name,
            seconds(b.get("first_request_median")),
            ratio(b.get("first_request_median"), bare_before.get("first_request_median")),
            seconds(a.get("first_request_median")),
            ratio(a.get("first_request_median"), bare_after.get("first_request_median")),
            seconds(a.get("init_median")),
            ratio(a.get("init_median"), bare_after.get("init_median")),
            b.get("first_request_classes", "—"),
            a.get("first_request_classes", "—"),
            "  WRONG ANSWER (%s): see the runs above" % ", ".join(wrong) if wrong else ""))
    return "\n".join(lines)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare.py before.json after.json")
    with open(sys.argv[1]) as f:
        before = json.load(f)
    with open(sys.argv[2]) as f:
        after = json.load(f)
    print(table(before, after))


if __name__ == "__main__":
    main()
