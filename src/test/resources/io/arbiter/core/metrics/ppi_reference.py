import numpy as np
def ppi(y, f, fu):
    n, N = len(y), len(fu)
    theta = fu.mean() + (y - f).mean()
    se = np.sqrt(fu.var(ddof=1)/N + (y-f).var(ddof=1)/n)
    cov = np.mean((y - y.mean())*(f - f.mean()))
    allf = np.concatenate([f, fu])
    v = allf.var(ddof=1)
    lam = 0.0 if v == 0 else min(1, max(0, cov/((1+n/N)*v)))
    t2 = (lam*fu).mean() + (y - lam*f).mean()
    se2 = np.sqrt((lam*fu).var(ddof=1)/N + (y-lam*f).var(ddof=1)/n)
    z = 1.959964
    c = lambda x: min(1, max(0, x))
    return [c(theta), c(theta-z*se), c(theta+z*se), lam, c(t2), c(t2-z*se2), c(t2+z*se2)]
def counts(y, f, fu):
    return dict(tp=int(((f==1)&(y==1)).sum()), fp=int(((f==1)&(y==0)).sum()), fn=int(((f==0)&(y==1)).sum()), tn=int(((f==0)&(y==0)).sum()), k=int(fu.sum()), N=len(fu))
rng = np.random.default_rng(15)
def sim(n, N, acc, se, sp):
    y = (rng.random(n) < acc).astype(float); yu = (rng.random(N) < acc).astype(float)
    f = np.where(y==1, rng.random(n) < se, rng.random(n) > sp).astype(float)
    fu = np.where(yu==1, rng.random(N) < se, rng.random(N) > sp).astype(float)
    return y, f, fu
CASES = lambda: [("hand", (np.array([1,1,1,0,1,0.]), np.array([1,1,1,1,0,0.]), np.array([1,1,1,1,1,0,0,0.]))),
                      ("sim50x2000", sim(50,2000,0.7,0.85,0.8)),
                      ("sim400x600", sim(400,600,0.55,0.9,0.7))]
if __name__ == "__main__":
    # reference_values.py imports ppi, counts and CASES from here and writes them to reference_values.tsv.
    for name,(y,f,fu) in CASES():
        print(name, counts(y,f,fu), ["%.12f" % v for v in ppi(y,f,fu)])
