# Independent reference values for the reliability figures (Fleiss' kappa, Krippendorff's alpha, majorities, juries,
# length bias, self-preference), written straight from the published definitions with numpy/scipy, not from the Java.
# Run: python3 src/test/resources/io/arbiter/core/metrics/reliability_reference.py   (numpy 2.4, scipy 1.17)
# The tests in src/test/java/io/arbiter/core/metrics/ use its printed output as fixtures.
import itertools
import numpy as np
from scipy import stats

# --- Fleiss' kappa: the 10 subjects x 5 categories x 14 raters table of Fleiss (1971) as Wikipedia shows it.
FLEISS = np.array([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                   [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]])

def fleiss(table):
    table = np.asarray(table, float)
    n, m = table.shape[0], table[0].sum()
    p = table.sum(0) / (n * m)
    P = ((table ** 2).sum(1) - m) / (m * (m - 1))
    pe = (p ** 2).sum()
    return (P.mean() - pe) / (1 - pe)

print("fleiss_wikipedia %.12f" % fleiss(FLEISS))

# --- Krippendorff's alpha: the 4 coders x 12 units matrix of Krippendorff (2011), section C; None = missing.
N = None
KRIPP = [[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
         [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]]

def kripp(coders, metric):
    values = sorted({v for c in coders for v in c if v is not None})
    idx = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for u in range(len(coders[0])):
        vals = [c[u] for c in coders if c[u] is not None]
        m = len(vals)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):  # ordered pairs of different coders
            o[idx[vals[i]], idx[vals[j]]] += 1 / (m - 1)
    nc = o.sum(1)
    n = nc.sum()
    if metric == "nominal":
        d = 1 - np.eye(len(values))
    else:
        v = np.array(values, float)
        d = (v[:, None] - v[None, :]) ** 2
    do = (o * d).sum() / n
    de = (np.outer(nc, nc) * d).sum() / (n * (n - 1))
    return 1 - do / de

print("kripp_nominal %.12f" % kripp(KRIPP, "nominal"))
print("kripp_interval %.12f" % kripp(KRIPP, "interval"))

# --- Majorities, repeats and juries. "." = no parsed reading; a majority needs more than half of the readings.
def majority(readings):
    got = [r for r in readings if r != "."]
    if not got:
        return None, 0, 0
    cats, counts = np.unique(got, return_counts=True)
    top = counts.max()
    winner = cats[counts.argmax()] if 2 * top > len(got) else None
    return winner, int(top), len(got)

def fleiss_of_rows(rows):
    complete = [r for r in rows if "." not in r]
    cats = sorted({c for r in complete for c in r})
    return fleiss([[r.count(c) for c in cats] for r in complete]) if complete else float("nan")

REPEATS = [r.split() for r in ["C C C", "C I C", "I I I", "C . I", "I I .", ". . C"]]
rep = [majority(r) for r in REPEATS]
rep2 = [(w, t, n) for (w, t, n) in rep if n >= 2]
print("repeats flips %d/%d" % (sum(t < n for _, t, n in rep2), len(rep2)),
      "mean_share %.12f" % np.mean([t / n for _, t, n in rep2]),
      "no_majority %d" % sum(1 for w, _, n in rep if n > 0 and w is None),
      "fleiss %.12f" % fleiss_of_rows(REPEATS))

def cohen(ref, got):
    """Cohen's kappa; got may hold None (no majority), a category of its own that never agrees."""
    ref, got = list(ref), list(got)
    cats = sorted(set(ref) | {g for g in got if g is not None})
    n = len(ref)
    po = np.mean([r == g for r, g in zip(ref, got)])
    pe = sum((ref.count(c) / n) * (got.count(c) / n) for c in cats)
    return (po - pe) / (1 - pe)

JURY = [r.split() for r in ["C C C I C", "C I C C C", "I I C I I", "C I I I I", "I C I I I", "C . C C C",
                             "I I . C I", "C C C C .", "I C I . I", "C C I C C", ". . . . C", "I I I C I",
                             "C . C I C", "I C C I I"]]
K = 4
jurors = [[row[j] for row in JURY] for j in range(K)]
ref = [row[K] for row in JURY]
costs = [1.0, 0.2, 0.3, 0.25]
for j, col in enumerate(jurors):
    pairs = [(r, g) for r, g in zip(ref, col) if r != "." and g != "."]
    print("juror%d agree %d/%d kappa %.12f" % (j + 1, sum(r == g for r, g in pairs), len(pairs),
                                               cohen(*zip(*pairs))))

def jury_against_reference(subset):
    labelled = [i for i in range(len(JURY)) if ref[i] != "." and any(jurors[j][i] != "." for j in range(K))]
    got = [majority([jurors[j][i] for j in subset])[0] for i in labelled]
    r = [ref[i] for i in labelled]
    return sum(a == b for a, b in zip(r, got)), len(r), sum(g is None for g in got), cohen(r, got)

hits, n, none, k = jury_against_reference(range(K))
print("jury agree %d/%d no_majority %d kappa %.12f" % (hits, n, none, k))
print("jury fleiss %.12f" % fleiss_of_rows([row[:K] for row in JURY]))
print("jury kripp_nominal %.12f" % kripp([[None if v == "." else v for v in col] for col in jurors], "nominal"))
for a in range(K):
    print("pairs", " ".join("%d/%d" % (sum(x == y for x, y in zip(jurors[a], jurors[b]) if x != "." and y != "."),
                                       sum(1 for x, y in zip(jurors[a], jurors[b]) if x != "." and y != "."))
                            for b in range(K)))
subsets = [s for size in range(1, K + 1) for s in itertools.combinations(range(K), size)]
for s in subsets:
    print("subset", [j + 1 for j in s], "cost %.2f" % sum(costs[j] for j in s), "kappa %.12f" % jury_against_reference(s)[3])
for x in (0.3, 0.5, 0.6, 0.7, 0.9):
    ok = [(sum(costs[j] for j in s), -jury_against_reference(s)[3], len(s), s) for s in subsets
          if jury_against_reference(s)[3] >= x]
    print("cheapest kappa>=%.1f" % x, [j + 1 for j in min(ok)[3]] if ok else None)

# --- Length bias: lengths in characters, verdicts (1 accepted) and scores of 12 rows, with tied lengths.
L = np.array([12, 40, 40, 7, 95, 60, 23, 40, 150, 88, 15, 60], float)
V = np.array([0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0], float)
S = np.array([2, 3, 3, 1, 5, 4, 2, 4, 5, 4, 2, 3], float)
edges = np.quantile(L, [0.25, 0.5, 0.75])  # type 7
bins = np.searchsorted(edges, L, side="left")  # a length on an edge goes to the lower quartile
print("length edges", " ".join("%.12f" % e for e in edges))
print("length accepted", " ".join("%d/%d" % (V[bins == q].sum(), (bins == q).sum()) for q in range(4)))
for q in range(4):
    s = S[bins == q]
    half = stats.t.ppf(0.975, len(s) - 1) * s.std(ddof=1) / np.sqrt(len(s))
    print("length score_q%d %.12f %.12f %.12f" % (q + 1, s.mean(), s.mean() - half, s.mean() + half))

def spearman_ci(x, y):
    rho = stats.spearmanr(x, y).statistic
    se = np.sqrt((1 + rho ** 2 / 2) / (len(x) - 3))  # Bonett & Wright (2000)
    z = np.arctanh(rho)
    return rho, np.tanh(z - 1.959964 * se), np.tanh(z + 1.959964 * se)

print("length spearman_verdict %.12f %.12f %.12f" % spearman_ci(L, V))
print("length spearman_score %.12f %.12f %.12f" % spearman_ci(L, S))

# --- Self-preference: base gpt-4o; jurors gpt-4o-mini and o3-mini (openai) against llama-3.1-8b and claude-3-haiku.
# Pooled acceptance rates over the rows read by at least one juror of each group.
SELF = [r.split() for r in ["C C C I", "C C I I", "C . C C", "I I I I", ". . C C", "C I I C", "C C . I", "C . I .",
                             "I C C C", "C C I I"]]
same = [[row[j] for j in (0, 1)] for row in SELF]
other = [[row[j] for j in (2, 3)] for row in SELF]
rows = [(s, o) for s, o in zip(same, other) if any(v != "." for v in s) and any(v != "." for v in o)]
def rate(group):
    got = [v for g in group for v in g if v != "."]
    return sum(v == "C" for v in got) / len(got)
print("self rows %d difference %.12f" % (len(rows), rate([s for s, _ in rows]) - rate([o for _, o in rows])))
