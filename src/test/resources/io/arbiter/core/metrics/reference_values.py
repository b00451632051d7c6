"""Reference values for ReferenceValuesTest, computed once, independently of the Java code, with numpy and scipy.

Run from the repository root (numpy 2.4, scipy 1.17; no sklearn or statsmodels needed):

    python3 src/test/resources/io/arbiter/core/metrics/reference_values.py \
        > src/test/resources/io/arbiter/core/metrics/reference_values.tsv

Each line: figure <TAB> inputs (comma-separated) <TAB> value ("nan" where the figure is undefined). The test
recomputes each figure from its inputs with the production code and checks it to 1e-9.
"""
import os
import sys

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ppi_reference import CASES, counts, ppi  # noqa: E402  the PPI reference lives there; not duplicated here

Z95 = 1.959964  # the quantile the Java code uses (Wilson.Z95); scipy is given the matching confidence level
LEVEL = 2 * stats.norm.cdf(Z95) - 1


def rows(tp, fp, fn, tn):
    """The 2x2 table as per-row vectors: f = judge says Correct, y = the base answer is right."""
    f = np.array([1] * tp + [1] * fp + [0] * fn + [0] * tn)
    y = np.array([1] * tp + [0] * fp + [1] * fn + [0] * tn)
    return f, y


def kappa(tp, fp, fn, tn):
    f, y = rows(tp, fp, fn, tn)
    if len(f) == 0:
        return float("nan")
    po = np.mean(f == y)
    pe = np.mean(f) * np.mean(y) + np.mean(1 - f) * np.mean(1 - y)
    return float("nan") if 1 - pe < 1e-12 else (po - pe) / (1 - pe)


def mcc(tp, fp, fn, tn):
    f, y = rows(tp, fp, fn, tn)
    if len(f) == 0 or f.std() == 0 or y.std() == 0:
        return float("nan")
    return np.corrcoef(f, y)[0, 1]


def ac1(tp, fp, fn, tn):
    f, y = rows(tp, fp, fn, tn)
    if len(f) == 0:
        return float("nan")
    pi = (np.mean(f) + np.mean(y)) / 2
    pe = 2 * pi * (1 - pi)
    return (np.mean(f == y) - pe) / (1 - pe)


def wilson(k, n):
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=LEVEL, method="wilson")
    return ci.low, ci.high


def mcnemar(b, c):
    n = b + c
    if n == 0:
        return 1.0
    if n < 25:  # exact: two-sided binomial test of the discordant pairs at 1/2
        return stats.binomtest(min(b, c), n, 0.5).pvalue
    return stats.chi2.sf(max(0, abs(b - c) - 1) ** 2 / n, 1)  # Edwards' continuity correction


def out(figure, inputs, value):
    print(f"{figure}\t{','.join(str(i) for i in inputs)}\t{float(value):.17g}")


TABLES = [
    (40, 9, 6, 45),  # typical
    (6, 0, 0, 4),  # the perfect agreement on 10 rows
    (10, 0, 0, 0),  # one class only: kappa and MCC undefined, AC1 defined
    (0, 5, 5, 0),  # total disagreement
    (98, 1, 1, 0),
    (3, 1, 1, 1),
    (189, 67, 25, 119),
]
for t in TABLES:
    out("kappa", t, kappa(*t))
    out("ac1", t, ac1(*t))
    out("mcc", t, mcc(*t))

# Wilson at the edges (0/n, n/n, 1/1) and inside.
for k, n in [(0, 10), (10, 10), (0, 1), (1, 1), (5, 7), (29, 40), (1, 1000), (0, 30), (51, 80)]:
    low, high = wilson(k, n)
    out("wilson_low", (k, n), low)
    out("wilson_high", (k, n), high)

# McNemar: the paired right/wrong case (4 vs 4 -> 1.0), 8 flips one way (0.0078), and around the switch.
for b, c in [(4, 4), (8, 0), (0, 8), (6, 16), (12, 12), (0, 0), (1, 0), (10, 15), (30, 12), (100, 60)]:
    out("mcnemar_p", (b, c), mcnemar(b, c))

# Best / worst case: h right of n naming a label, u naming none.
for h, n, u in [(2, 3, 1), (0, 0, 3), (5, 5, 0), (45, 60, 12)]:
    out("bound_best", (h, n, u), (h + u) / (n + u) if n + u else float("nan"))
    out("bound_worst", (h, n, u), h / (n + u) if n + u else float("nan"))

# Percentile interpolation: numpy's default quantile is Hyndman and Fan type 7, as Bootstrap.quantile.
values = np.random.default_rng(8).normal(size=37)
for q in (0.025, 0.975):
    out("quantile_type7", [q] + [repr(float(v)) for v in values], np.quantile(values, q))

# Prediction-powered inference: tp, fp, fn, tn of the labelled rows, Correct verdicts k and N unlabelled rows.
names = ["ppi", "ppi_low", "ppi_high", "ppi_lambda", "ppi_plus", "ppi_plus_low", "ppi_plus_high"]
for _, (y, f, fu) in CASES():
    c = counts(y, f, fu)
    inputs = (c["tp"], c["fp"], c["fn"], c["tn"], c["k"], c["N"])
    for name, value in zip(names, ppi(y, f, fu)):
        out(name, inputs, value)
