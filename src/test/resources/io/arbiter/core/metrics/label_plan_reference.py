"""Reference values for LabelPlanTest, written apart from the Java (python3 label_plan_reference.py).

The plan's rule (docs/STATISTICS.md, "What to label next"): labels go one at a time to the stratum (judge Correct /
Incorrect) whose expected label leaves the smallest sum of the 95% half-widths of sensitivity (Wilson), specificity
(Wilson) and classic PPI base accuracy; an undefined interval counts 0.5; ties go to the stratum with more rows left.
Expected intervals keep today's rates: Wilson at today's sensitivity / specificity with the expected denominator
(the expected counts' rate while there is none), PPI around today's point with today's var(y - f) and the expected
|L|, |U| and U's Correct share (the expected counts' PPI while fewer than two rows are labelled).
"""
from math import sqrt

Z = 1.959964


def wilson(hits, n):
    if n == 0:
        return None
    p = hits / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def ppi(tp, fp, fn, tn, uc, u):
    n = tp + fp + fn + tn
    if n < 2 or u < 2:
        return None
    # y - f per labelled cell: tp 0, fp -1, fn 1, tn 0
    values = [(0, tp), (-1, fp), (1, fn), (0, tn)]
    mean_l = sum(v * k for v, k in values) / n
    var_l = sum(k * (v - mean_l) ** 2 for v, k in values) / (n - 1)
    pu = uc / u
    var_u = u * pu * (1 - pu) / (u - 1)
    theta = pu + mean_l
    h = Z * sqrt(var_u / u + var_l / n)
    clip = lambda x: max(0.0, min(1.0, x))
    return clip(theta - h), clip(theta + h)


def var_l(tp, fp, fn, tn):
    n = tp + fp + fn + tn
    values = [(0, tp), (-1, fp), (1, fn), (0, tn)]
    mean_l = sum(v * k for v, k in values) / n
    return sum(k * (v - mean_l) ** 2 for v, k in values) / (n - 1)


def ppi_point(tp, fp, fn, tn, uc, u):
    n = tp + fp + fn + tn
    return max(0.0, min(1.0, uc / u + (fn - fp) / n))


NOW = None  # (tp, fp, fn, tn, uc, u) of today's labels


def expected(c):
    tp0, fp0, fn0, tn0, uc0, u0 = NOW
    se = tp0 / (tp0 + fn0) if tp0 + fn0 else None
    sp = tn0 / (tn0 + fp0) if tn0 + fp0 else None
    n_se, n_sp = c[0] + c[2], c[1] + c[3]
    se_iv = wilson(c[0] if se is None else se * n_se, n_se)
    sp_iv = wilson(c[3] if sp is None else sp * n_sp, n_sp)
    if tp0 + fp0 + fn0 + tn0 < 2:
        ppi_iv = ppi(*c)
    elif u0 < 2 or c[5] < 2:
        ppi_iv = None
    else:
        theta = ppi_point(*NOW)
        pu = c[4] / c[5]
        var_u = c[5] * pu * (1 - pu) / (c[5] - 1)
        h = Z * sqrt(var_u / c[5] + var_l(tp0, fp0, fn0, tn0) / (c[0] + c[1] + c[2] + c[3]))
        ppi_iv = max(0.0, theta - h), min(1.0, theta + h)
    return se_iv, sp_iv, ppi_iv


def halves(c):
    out = []
    for iv in expected(c):
        out.append(0.5 if iv is None else (iv[1] - iv[0]) / 2)
    return out


def plan(tp, fp, fn, tn, n_correct, n_incorrect, k):
    global NOW
    NOW = (tp, fp, fn, tn, n_correct, n_correct + n_incorrect)
    r_c = (tp + 1) / (tp + fp + 2)
    r_i = (fn + 1) / (fn + tn + 2)
    c = [tp, fp, fn, tn, n_correct, n_correct + n_incorrect]
    left = [n_correct, n_incorrect]
    strata = []
    for _ in range(k):
        options = []
        if left[0]:
            options.append(("C", [c[0] + r_c, c[1] + 1 - r_c, c[2], c[3], c[4] - 1, c[5] - 1]))
        if left[1]:
            options.append(("I", [c[0], c[1], c[2] + r_i, c[3] + 1 - r_i, c[4], c[5] - 1]))
        if not options:
            break
        if len(options) == 2:
            a, b = sum(halves(options[0][1])), sum(halves(options[1][1]))
            pick = options[0] if a < b or (a == b and left[0] >= left[1]) else options[1]
        else:
            pick = options[0]
        strata.append(pick[0])
        left[0 if pick[0] == "C" else 1] -= 1
        c = pick[1]
    now = [wilson(tp, tp + fn), wilson(tn, fp + tn), ppi(tp, fp, fn, tn, n_correct, n_correct + n_incorrect)]
    after = list(expected(c))
    return "".join(strata), now, after


for case in [(8, 0, 0, 2, 10, 10, 4), (3, 1, 1, 3, 5, 5, 1), (6, 2, 1, 1, 20, 3, 5)]:
    print(case, plan(*case))
