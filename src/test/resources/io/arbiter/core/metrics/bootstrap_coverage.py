"""Coverage of the percentile bootstrap interval of Cohen's kappa at small n, for docs/STATISTICS.md
("Intervals at the edges") and Bootstrap.MIN_ROWS.

Run: python3 src/test/resources/io/arbiter/core/metrics/bootstrap_coverage.py   (numpy; about a minute)

Three judges (prevalence, Se, Sp); 400 samples of n rows each, 2,000 resamples per interval. A zero-width interval
counts as not shown; coverage_shown is the share of shown intervals that hold the true kappa. Result (seed 1):
    kappa 0.56: n=20 0.947, n=30 0.940, n=40 0.932, n=50 0.938
    kappa 0.90: n=20 0.968, n=30 1.000, n=40 0.991, n=50 0.989  (152, 106, 57, 34 of 400 zero-width)
    kappa 0.50: n=20 0.900, n=30 0.940, n=40 0.940, n=50 0.925
Counting zero-width intervals as shown (the old behaviour), coverage at n=10 was 0.84, 0.38, 0.57 and at n=20
0.95, 0.65, 0.88.
"""
import numpy as np
rng=np.random.default_rng(1)
def kappa(t):  # t[...,4] tp fp fn tn
    tp,fp,fn,tn=[t[...,i].astype(float) for i in range(4)]
    n=tp+fp+fn+tn
    po=(tp+tn)/n
    pe=((tp+fp)*(tp+fn)+(fn+tn)*(fp+tn))/n**2
    with np.errstate(all='ignore'):
        k=np.where(1-pe<1e-12,np.nan,(po-pe)/(1-pe))
    return k
for prev,se,sp in [(0.6,0.85,0.7),(0.5,0.95,0.95),(0.8,0.9,0.6)]:
    p=np.array([prev*se,(1-prev)*(1-sp),prev*(1-se),(1-prev)*sp])
    big=rng.multinomial(2_000_000,p); true=kappa(big)
    for n in [20,30,40,50]:
        cover=0;reps=400;zero=0;undef=0
        for r in range(reps):
            t=rng.multinomial(n,p); k=kappa(t)
            if np.isnan(k): undef+=1; continue
            bs=rng.multinomial(n,t/n,size=2000); kb=kappa(bs); kb=kb[~np.isnan(kb)]
            if len(kb)<1000: undef+=1; continue
            lo,hi=np.quantile(kb,[.025,.975])
            if hi-lo==0: zero+=1; continue
            cover+= lo<=true<=hi
        print(f"prev={prev} se={se} sp={sp} kappa={true:.3f} n={n} coverage_shown={cover/max(1,reps-zero-undef):.3f} zero={zero} undefined={undef}")
