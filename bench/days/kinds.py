#!/usr/bin/env python3
"""Kinds of days for the day-plan benchmark (shared/spec/plan-format.md).

The planner was tuned on the `essen` samples only and is 4-6 % worse than the best
known on unseen kinds of days. Tuning on many kinds, not one, keeps it from
overfitting one city's geography, supply and time structure. This script reuses the
shared generator (`gen.py`, imported by path, never copied): it adds profiles to
`gen.PROFILES` and, where a kind needs it, overrides gen's module tables inside a
context manager that restores them.

Kinds (the instance's `name` is `<kind>-<size>-<seed:04d>`):

- essen:        the original profile, unchanged (byte-identical to gen.py's output).
- ruhr:         a Ruhr city region, Duisburg - Oberhausen - Muelheim - Gelsenkirchen -
                Herne - Bochum (~40 x 24 km, town centres approximate, Essen left to
                its own profile); a third remote; tighter supply (80 % of the
                mediators); more Turkish, Kurmanji, Romanian, Bulgarian, Polish and
                Romani, less Ukrainian. Tests longer trips and scarcer staff.
- rural:        a rural district modelled on the Hochsauerland (7 towns 10-55 km apart
                over ~61 x 42 km); 90 % drive (cars faster on country roads), 8 %
                remote; the tail languages are thinly supplied (supply_exponent 1.3,
                demand follows staff less). Tests sparse, far-apart clusters.
- remote:       Essen with ~60 % remote appointments (remote_share 0.67) and 92 %
                remote-capable mediators. Travel matters little; matching and time
                windows dominate.
- long:         Essen with 60-180 min appointments (mode 90-120) and 30 % slower
                travel; 1.6x the mediators so the load stays comparable. A busy
                mediator serves ~2 (Essen ~3): short routes, scheduling over routing.
- mixed-supply: Essen with many speakers of the main languages (93 % of the pool speak
                a top-8 language, Essen 82 %) and very few of the tail
                (supply_exponent 1.5, 8 % requests in unoffered languages, staffing
                0.5 so demand follows the staff less, renegotiate 0.85). Tests scarce
                candidates and the choice of what to leave out.

Knobs of gen.py that are constants inside functions (so not overridable as tables):
speeds (cars 24-30 km/h, else 15-22) -> rescaled after generation (speed is read by
nothing else in gen); the mediator count -> SIZES is patched; 35 % of practices and
all psychotherapy practices cluster around one `center` -> kept (ruhr: Duisburg,
rural: Arnsberg).

    python3 bench/days/kinds.py --kind ruhr --size m --seed 1 > x.json
    python3 bench/days/kinds.py --write DIR   # s 1-3, m 1-2, l 1 of every kind
    python3 bench/days/kinds.py --check DIR   # greedy + validate.py, one row each

Stdlib only; the same arguments always give the same bytes.
"""

import argparse
import contextlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.environ.get("MITTLER_BENCH_DIR") or os.path.join(REPO, "..", "shared", "bench")
STANDARD_SET = [("s", 1), ("s", 2), ("s", 3), ("m", 1), ("m", 2), ("l", 1)]


def load_gen():
    """Import BENCH/gen.py as a module (without writing __pycache__ into the shared dir)."""
    path = os.path.join(BENCH, "gen.py")
    if not os.path.isfile(path):
        sys.exit("kinds.py: no gen.py at %s (set MITTLER_BENCH_DIR)" % path)
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location("mittler_bench_gen", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


gen = load_gen()
ESSEN = gen.PROFILES["essen"]

# --- ruhr ------------------------------------------------------------------------
# Demand: Essen's mix reweighted (Ruhr cities north of the A40: more Turkish, Kurdish,
# Southeast European EU migration; fewer Ukrainians than Essen's reception share).
RUHR_MIX = {"tur": 2.2, "kmr": 1.7, "ron": 4.0, "bul": 4.0, "pol": 3.0, "rom": 3.0,
            "srp": 1.5, "sqi": 1.5, "ukr": 0.45, "ara": 0.9}
RUHR = dict(ESSEN, **{
    "bbox": (51.38, 51.60, 6.70, 7.28),  # ~24 km N-S x ~40 km W-E
    "districts": [  # name, lat, lon, spread_km, weight (approximate, city level)
        ("Duisburg-Mitte/Hochfeld", 51.425, 6.770, 1.6, 0.11),
        ("Duisburg-Nord (Marxloh/Hamborn)", 51.497, 6.775, 1.6, 0.13),
        ("Duisburg-Rheinhausen", 51.400, 6.722, 1.4, 0.04),
        ("Oberhausen", 51.470, 6.855, 1.7, 0.09),
        ("Oberhausen-Sterkrade", 51.515, 6.848, 1.4, 0.04),
        ("Muelheim an der Ruhr", 51.428, 6.882, 1.8, 0.05),
        ("Gelsenkirchen (Altstadt/Schalke)", 51.510, 7.095, 1.5, 0.12),
        ("Gelsenkirchen-Buer", 51.577, 7.058, 1.6, 0.06),
        ("Herne/Wanne-Eickel", 51.535, 7.200, 1.8, 0.09),
        ("Bochum (Mitte/Hamme)", 51.483, 7.212, 1.6, 0.10),
        ("Bochum-Wattenscheid", 51.479, 7.137, 1.3, 0.05),
    ],
    "authority": [  # approximate sites, one or two per city
        ("Auslaenderbehoerde Duisburg", 51.4330, 6.7640, 4), ("Jobcenter Duisburg-Mitte", 51.4300, 6.7740, 3),
        ("Jobcenter Duisburg-Hamborn", 51.4950, 6.7720, 3), ("Buergeramt Duisburg", 51.4346, 6.7620, 2),
        ("Buergeramt Rheinhausen", 51.3990, 6.7200, 0.5), ("Auslaenderbehoerde Oberhausen", 51.4720, 6.8530, 2),
        ("Jobcenter Oberhausen", 51.4700, 6.8600, 2), ("Auslaenderbehoerde Muelheim", 51.4280, 6.8810, 1),
        ("Jobcenter Muelheim", 51.4300, 6.8790, 1), ("Auslaenderbehoerde Gelsenkirchen", 51.5080, 7.0980, 3),
        ("Jobcenter Gelsenkirchen", 51.5050, 7.1010, 3), ("Buergeramt Buer", 51.5780, 7.0560, 1),
        ("Auslaenderbehoerde Herne", 51.5380, 7.2220, 1.5), ("Jobcenter Herne", 51.5360, 7.2180, 1.5),
        ("Auslaenderbehoerde Bochum", 51.4810, 7.2170, 2.5), ("Jobcenter Bochum", 51.4790, 7.2230, 2.5),
        ("Jobcenter Wattenscheid", 51.4800, 7.1390, 1),
    ],
    "hospital": [
        ("Klinikum Duisburg-Mitte", 51.4420, 6.7640, 3), ("Krankenhaus Duisburg-Nord", 51.4960, 6.7850, 2),
        ("Krankenhaus Rheinhausen", 51.3950, 6.7300, 1), ("Krankenhaus Oberhausen", 51.4760, 6.8600, 2),
        ("Krankenhaus Muelheim", 51.4230, 6.8890, 1), ("Krankenhaus Gelsenkirchen", 51.5140, 7.0900, 2),
        ("Krankenhaus Buer", 51.5800, 7.0500, 1), ("Krankenhaus Herne", 51.5400, 7.2100, 2),
        ("Universitaetskliniken Bochum", 51.4770, 7.2270, 4), ("Krankenhaus Wattenscheid", 51.4810, 7.1300, 1),
    ],
    "court": [
        ("Amts-/Landgericht Duisburg", 51.4330, 6.7700, 3), ("Amtsgericht Hamborn", 51.4960, 6.7740, 1),
        ("Amtsgericht Oberhausen", 51.4700, 6.8540, 1), ("Amtsgericht Muelheim", 51.4290, 6.8830, 0.5),
        ("Amts-/Sozialgericht Gelsenkirchen", 51.5110, 7.0950, 2), ("Amtsgericht Herne", 51.5370, 7.2200, 1),
        ("Amts-/Landgericht Bochum", 51.4830, 7.2150, 3),
    ],
    "psych_clinic": [("Psychiatrie Bochum", 51.4700, 7.2300, 1), ("Psychiatrie Duisburg", 51.4400, 6.7800, 1)],
    "center": (51.4330, 6.7640),  # Duisburg: gen clusters practices around one centre
    "demand": {l: max(1, round(w * RUHR_MIX.get(l, 1.0))) for l, w in gen.DEMAND_ESSEN.items()},
    "remote_share": 0.37,          # measured share ~1/3 (renegotiation lowers it)
    "staffing": 0.85,
    "speed_car_share": 0.35,
})

# --- rural -------------------------------------------------------------------------
RURAL = dict(ESSEN, **{
    "bbox": (51.12, 51.50, 7.92, 8.80),  # ~42 km N-S x ~61 km W-E
    "districts": [  # towns (approximate centres), spread_km covers their villages
        ("Arnsberg (Neheim/Huesten/Altstadt)", 51.425, 8.010, 2.5, 0.30),
        ("Sundern", 51.327, 8.000, 2.0, 0.10),
        ("Meschede", 51.350, 8.284, 2.0, 0.16),
        ("Brilon", 51.395, 8.568, 2.0, 0.14),
        ("Winterberg", 51.193, 8.531, 1.8, 0.07),
        ("Medebach", 51.197, 8.707, 1.5, 0.05),
        ("Schmallenberg", 51.154, 8.284, 2.5, 0.09),
    ],
    "authority": [
        ("Kreishaus / Auslaenderbehoerde Meschede", 51.3480, 8.2850, 5), ("Jobcenter Arnsberg", 51.4300, 8.0050, 3),
        ("Jobcenter Meschede", 51.3500, 8.2800, 2), ("Jobcenter Brilon", 51.3950, 8.5700, 2),
        ("Jobcenter Schmallenberg", 51.1540, 8.2870, 1), ("Agentur fuer Arbeit Meschede", 51.3520, 8.2880, 1),
        ("Rathaus Arnsberg", 51.3970, 8.0640, 1), ("Rathaus Sundern", 51.3270, 8.0000, 0.5),
        ("Rathaus Meschede", 51.3510, 8.2830, 0.5), ("Rathaus Brilon", 51.3960, 8.5680, 0.5),
        ("Rathaus Winterberg", 51.1930, 8.5310, 0.3), ("Rathaus Medebach", 51.1970, 8.7070, 0.3),
        ("Rathaus Schmallenberg", 51.1540, 8.2840, 0.3),
    ],
    "hospital": [
        ("Klinikum Arnsberg-Neheim", 51.4420, 7.9700, 3), ("Klinikum Arnsberg-Altstadt", 51.3990, 8.0620, 2),
        ("Krankenhaus Meschede", 51.3470, 8.2800, 2), ("Krankenhaus Brilon", 51.3980, 8.5750, 2),
        ("Fachklinik Schmallenberg", 51.1600, 8.2950, 1),
    ],
    "court": [
        ("Amts-/Landgericht Arnsberg", 51.3990, 8.0650, 3), ("Amtsgericht Meschede", 51.3490, 8.2830, 1),
        ("Amtsgericht Brilon", 51.3970, 8.5700, 1), ("Amtsgericht Schmallenberg", 51.1560, 8.2860, 0.5),
        ("Amtsgericht Medebach", 51.1980, 8.7060, 0.5),
    ],
    "psych_clinic": [("Psychiatrie Arnsberg", 51.4400, 7.9750, 1)],
    "center": (51.4420, 7.9800),  # Arnsberg-Neheim, the largest town (most practices)
    "supply_exponent": 1.3,       # > 1: the tail languages are under-served
    "staffing": 0.75,             # requests follow the pool's capacity less than in Essen
    "unoffered_share": 0.04,
    "remote_share": 0.09,         # measured share ~0.08
    "mediator_remote": 0.6,
    "speed_car_share": 0.9,
})

# --- long: durations shifted to 90-180 min (gen's DURATIONS has mode 60) ------------------
LONG_DURATIONS = {
    "authority": [(60, 15), (90, 35), (120, 30), (150, 12), (180, 8)],
    "medical": [(60, 15), (90, 35), (120, 30), (150, 10), (180, 10)],
    "school": [(60, 20), (90, 40), (120, 30), (150, 10)],
    "social": [(90, 30), (120, 35), (150, 15), (180, 20)],
    "psychotherapy": [(90, 45), (120, 35), (150, 10), (180, 10)],
    "court": [(90, 15), (120, 30), (150, 20), (180, 35)],
}

# kind -> profile (registered in gen.PROFILES under the kind's name), gen tables to
# patch, factor on the mediator count, factors on speed_kmh (cars, others).
KINDS = {
    "essen": {"profile": ESSEN},
    "ruhr": {"profile": RUHR, "mediators": 0.8},
    "rural": {"profile": RURAL, "speed": (1.6, 1.0)},
    "remote": {"profile": dict(ESSEN, remote_share=0.67, mediator_remote=0.92)},
    "long": {"profile": ESSEN, "tables": {"DURATIONS": LONG_DURATIONS}, "mediators": 1.6, "speed": (0.7, 0.7)},
    "mixed-supply": {"profile": dict(ESSEN, supply_exponent=1.5, unoffered_share=0.08, staffing=0.5,
                                     renegotiate=0.85)},
}
for _k, _v in KINDS.items():
    gen.PROFILES.setdefault(_k, _v["profile"])


@contextlib.contextmanager
def patched(**tables):
    """Temporarily replace module-level tables of gen; always restores them."""
    saved = {k: getattr(gen, k) for k in tables}
    try:
        for k, v in tables.items():
            setattr(gen, k, v)
        yield
    finally:
        for k, v in saved.items():
            setattr(gen, k, v)


def generate(kind, size, seed):
    spec = KINDS[kind]
    tables = dict(spec.get("tables", {}))
    f = spec.get("mediators", 1.0)
    if f != 1.0:
        tables["SIZES"] = {s: (a, max(1, round(m * f))) for s, (a, m) in gen.SIZES.items()}
    with patched(**tables):
        inst = gen.generate(kind, size, seed)
    fc, fo = spec.get("speed", (1.0, 1.0))
    if (fc, fo) != (1.0, 1.0):
        for m in inst["mediators"]:
            # gen hard-codes randint(24, 30) for cars and randint(15, 22) otherwise.
            v = m["speed_kmh"]
            m["speed_kmh"] = max(1, round(v * (fc if v >= 24 else fo)))
    if kind != "essen":  # keep essen byte-identical to gen.py's samples
        inst["generator"]["via"] = "bench/days/kinds.py"
    return inst


def write(inst, path):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        gen.dump(inst, fh)


def stats(inst):
    """Appointments, mediators, share remote, share with no candidate (rules 1-6)."""
    by_lang = {}
    for m in inst["mediators"]:
        for l in m["languages"]:
            by_lang.setdefault(l, []).append(m)
    apps = inst["appointments"]
    remote = sum(1 for a in apps if a["location"] is None)
    nocand = sum(1 for a in apps if not any(gen.can_serve(m, a) for m in by_lang.get(a["language"], [])))
    return len(apps), len(inst["mediators"]), remote / len(apps), nocand / len(apps)


def check(paths):
    """Runs greedy.py and validate.py on each instance; prints one row each; False if any fails."""
    ok = True
    print("| instance | appointments | mediators | remote | no candidate | greedy cost | greedy unassigned | per mediator |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            with open(path, encoding="utf-8") as fh:
                inst = json.load(fh)
            sol = os.path.join(tmp, "sol.json")
            with open(sol, "w") as out:
                subprocess.run([sys.executable, os.path.join(BENCH, "greedy.py"), path], stdout=out, check=True)
            r = subprocess.run([sys.executable, os.path.join(BENCH, "validate.py"), path, sol],
                               stdout=subprocess.PIPE, universal_newlines=True)
            res = json.loads(r.stdout) if r.stdout.strip() else {"feasible": False}
            n, k, rem, noc = stats(inst)
            if r.returncode != 0 or not res.get("feasible"):
                ok = False
                print("| %s | INFEASIBLE: %s |" % (inst["name"], r.stdout.strip()))
                continue
            with open(sol, encoding="utf-8") as fh:
                used = len({x["mediator"] for x in json.load(fh)["assignments"]})
            print("| %s | %d | %d | %.1f %% | %.1f %% | %d | %d | %.1f |" % (
                inst["name"], n, k, 100 * rem, 100 * noc, res["cost"], res["unassigned"],
                (n - res["unassigned"]) / max(1, used)))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", choices=list(KINDS))
    ap.add_argument("--size", choices=sorted(gen.SIZES))
    ap.add_argument("--seed", type=int)
    ap.add_argument("--write", metavar="DIR", help="write the standard set of every kind (or of --kind)")
    ap.add_argument("--kinds", help="with --write: a comma-separated list of kinds")
    ap.add_argument("--check", metavar="DIR", help="greedy + validate.py on DIR/*.json, print a table")
    args = ap.parse_args()
    if args.write:
        os.makedirs(args.write, exist_ok=True)
        chosen = args.kinds.split(",") if args.kinds else [args.kind] if args.kind else list(KINDS)
        unknown = [k for k in chosen if k not in KINDS]
        if unknown:
            ap.error("unknown kind(s): " + ", ".join(unknown))
        for kind in chosen:
            for size, seed in STANDARD_SET:
                inst = generate(kind, size, seed)
                write(inst, os.path.join(args.write, inst["name"] + ".json"))
    elif args.check:
        paths = sorted(os.path.join(args.check, f) for f in os.listdir(args.check) if f.endswith(".json"))
        return 0 if check(paths) else 1
    elif args.kind and args.size and args.seed is not None:
        gen.dump(generate(args.kind, args.size, args.seed), sys.stdout)
    else:
        ap.error("give --kind, --size and --seed, or --write DIR, or --check DIR")
    return 0


if __name__ == "__main__":
    sys.exit(main())
