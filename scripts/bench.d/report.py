#!/usr/bin/env python3
"""Turns the raw measurements of scripts/bench into Markdown tables on stdout.

Usage: report.py RESULTS_TSV META_JSON
RESULTS_TSV rows: tool <TAB> scenario <TAB> run <TAB> wall_microseconds <TAB> peak_rss_kb [<TAB> cpu_microseconds]
META_JSON: what the harness knows about the run (corpus, machine, versions, cold start ...).
"""
import json
import statistics
import sys
from collections import defaultdict

rows = defaultdict(dict)          # (tool, scenario) -> {run: (seconds, rss_kb)}
cpu = defaultdict(dict)           # (tool, scenario) -> {run: user + system seconds}
with open(sys.argv[1]) as f:
    for line in f:
        if not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        tool, scenario, run, wall_us, rss = fields[:5]
        rows[(tool, scenario)][int(run)] = (int(wall_us) / 1e6, int(rss) if rss not in ("", "-") else None)
        if len(fields) > 5 and fields[5] not in ("", "-"):
            cpu[(tool, scenario)][int(run)] = int(fields[5]) / 1e6
meta = json.load(open(sys.argv[2]))


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def secs(v):
    if v is None:
        return "–"
    return "%.3f s" % v if v < 1 else ("%.2f s" % v if v < 100 else "%.1f s" % v)


def mb(kb):
    return "–" if kb is None else "%d MB" % round(kb / 1024)


def ratio(a, b):
    return "–" if a is None or b is None or b == 0 else "%.2f" % (a / b)


scenarios = [("full", "Full build (fresh output)"), ("noop", "No-op rebuild"), ("edit", "One article edited")]
have_hugo = any(tool == "hugo" for tool, _ in rows)
runs = meta["runs"]

print("### Duet vs Hugo: %s articles (%s per language), %s run%s each, interleaved" % (
    f"{meta['articles']:,}", f"{meta['articles'] // 2:,}", runs, "" if runs == 1 else "s"))
print()
print("Corpus: seed %s, %s authors, %s issue(s) (%s to %s), ~%s words (en) / ~%s characters (zh) per article. "
      "Duet writes %s files (%s pages), Hugo %s files. Outputs on %s." % (
          meta["seed"], meta["authors"], meta["issues"], meta["first_issue"], meta["last_issue"],
          f"{meta['avg_en_words']:,}", f"{meta['avg_zh_chars']:,}", f"{meta['duet_files']:,}",
          f"{meta['duet_pages']:,}" if meta.get("duet_pages") else "?", f"{meta.get('hugo_files', 0):,}" if have_hugo else "–",
          meta["out_fs"]))
print()
if not have_hugo:
    print("Hugo is not installed (`apt-get install -y hugo`): the comparison with Hugo was skipped.")
    print()
def comparison(hugo_tool):
    """The table of Duet against one Hugo profile; the per-scenario medians and pair ratios."""
    print("| | Duet (median) | Hugo (median) | Duet/Hugo, pair by pair: median (min–max) | Duet peak RSS | Hugo peak RSS | RSS Duet/Hugo |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    summary = {}
    for key, label in scenarios:
        d, h = rows.get(("duet", key), {}), rows.get((hugo_tool, key), {})
        dm, hm = med(v[0] for v in d.values()), med(v[0] for v in h.values())
        pairs = [d[r][0] / h[r][0] for r in sorted(d) if r in h and h[r][0] > 0]
        pr = "%.2f (%.2f–%.2f)" % (statistics.median(pairs), min(pairs), max(pairs)) if pairs else "–"
        drss, hrss = med(v[1] for v in d.values()), med(v[1] for v in h.values())
        summary[key] = (dm, hm, drss, hrss, statistics.median(pairs) if pairs else None)
        print("| %s | %s | %s | %s | %s | %s | %s |" % (label, secs(dm), secs(hm), pr, mb(drss), mb(hrss), ratio(drss, hrss)))
    print()
    return summary


def runs_line(name, tool):
    return name + " runs, seconds: " + "; ".join(
        "%s %s" % (key, " ".join("%.3f" % rows[(tool, key)][r][0] for r in sorted(rows[(tool, key)])))
        for key, _ in scenarios if (tool, key) in rows)


summary = comparison("hugo")
have_plain = any(tool == "hugo-plain" for tool, _ in rows)
plain = None
if have_plain:
    print("Against the plain Hugo site (same articles and authors; articles, a home page and an archive per "
          "language, author pages; no issues; %s files):" % f"{meta.get('plain_files', 0):,}")
    print()
    plain = comparison("hugo-plain")
if cpu:
    tools = [("duet", "Duet"), ("hugo", "Hugo"), ("hugo-plain", "plain Hugo")]
    present = [(t, n) for t, n in tools if any((t, key) in cpu for key, _ in scenarios)]
    print("CPU time (user + system, median): the work done, whatever share of the cores each tool was given.")
    print()
    print("| | " + " | ".join(n for _, n in present) + " | " + " | ".join("Duet/" + n for t, n in present if t != "duet") + " |")
    print("|---|" + "---:|" * (2 * len(present) - 1))
    for key, label in scenarios:
        m = {t: med(cpu.get((t, key), {}).values()) for t, _ in present}
        print("| %s | " % label + " | ".join(secs(m[t]) for t, _ in present) + " | "
              + " | ".join(ratio(m["duet"], m[t]) for t, _ in present if t != "duet") + " |")
    print()
print(runs_line("Duet", "duet"))
if have_hugo:
    print("  ")
    print(runs_line("Hugo", "hugo"))
if have_plain:
    print("  ")
    print(runs_line("Plain Hugo", "hugo-plain"))
print()

floor_convert = med(v[0] for v in rows.get(("floor", "convert"), {}).values())
floor_write = med(v[0] for v in rows.get(("floor", "write"), {}).values())
if floor_convert is not None:
    floor = floor_convert + (floor_write or 0)
    print("### Floor")
    print()
    print("| | median |")
    print("|---|---:|")
    print("| `cmark-gfm` CLI, all %s Markdown files in one process (%s) | %s |" % (
        f"{meta['markdown_files']:,}", meta["cmark_flags"], secs(floor_convert)))
    print("| writing as many files as Duet writes (%s files, %s MB, same folders and sizes) | %s |" % (
        f"{meta['duet_files']:,}", round(meta["duet_bytes"] / 1e6), secs(floor_write)))
    print("| **floor** | **%s** |" % secs(floor))
    print("| Duet full build / floor | %s |" % ratio(summary["full"][0], floor))
    print()

print("### Targets (issues 7 and 13)")
print()
print("| target | measured | met? |")
print("|---|---|---|")
dfull, hfull, drss, hrss, pair = summary["full"]
yes = lambda ok: "yes" if ok else "**no**"
if have_hugo and pair:
    print("| full build at least 2x faster than Hugo (Duet/Hugo <= 0.50, median of the pairs) | %.2f | %s |" % (pair, yes(pair <= 0.5)))
if have_hugo and pair:
    print("| full build no slower than Hugo (issue 13: Duet/Hugo <= 1.0) | %.2f | %s |" % (pair, yes(pair <= 1.0)))
if plain and plain["full"][4]:
    print("| full build no slower than the plain Hugo site (issue 13: Duet/plain Hugo <= 1.0) | %.2f | %s |" % (
        plain["full"][4], yes(plain["full"][4] <= 1.0)))
if floor_convert is not None and dfull:
    print("| full build within 1.5x of the floor | %.2fx | %s |" % (dfull / floor, yes(dfull / floor <= 1.5)))
if have_hugo and drss and hrss:
    print("| peak RSS at most half of Hugo's (full build) | %s vs %s (%.2f) | %s |" % (mb(drss), mb(hrss), drss / hrss, yes(drss / hrss <= 0.5)))
if summary["noop"][0] and dfull:
    print("| no-op rebuild under 10 %% of a full build | %.0f %% | %s |" % (100 * summary["noop"][0] / dfull, yes(summary["noop"][0] / dfull < 0.10)))
if summary["edit"][0]:
    print("| one article edited: under 100 ms | %s | %s |" % (secs(summary["edit"][0]), yes(summary["edit"][0] < 0.100)))
cold = meta.get("cold_start")
if cold:
    print("| cold start on the sample (`content/`) under 150 ms | %s (median of %d, %s) | %s |" % (
        secs(cold["median"]), cold["runs"], cold["how"], yes(cold["median"] < 0.150)))
print()
print("Machine: %s; %s. Duet's summary of its first full build: \"%s\" (%d warnings). "
      "Load average before / after: %s / %s; CPU pressure (PSI some, avg300) before / after: %s %% / %s %%." % (
    meta["machine"], meta["versions"], meta.get("duet_summary", "?"), meta.get("duet_warnings", 0),
    meta["load_before"], meta["load_after"], meta.get("psi_before") or "?", meta.get("psi_after") or "?"))
