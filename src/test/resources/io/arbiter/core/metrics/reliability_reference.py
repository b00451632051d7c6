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
    v = np.array(values, float)
    d = (v[:, None] != v[None, :]).astype(float) if metric == "nominal" else (v[:, None] - v[None, :]) ** 2
    do = (o * d).sum() / n
    de = (np.outer(nc, nc) * d).sum() / (n * (n - 1))
    return 1 - do / de

print("kripp_nominal %.12f" % kripp(KRIPP, "nominal"))
print("kripp_interval %.12f" % kripp(KRIPP, "interval"))
