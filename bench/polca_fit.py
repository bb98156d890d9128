"""Times the C++ `polca` package (module pypolca, poLCA's EM in C++ with
Eigen) on a CSV coded 1..K, no covariates, and prints one RESULT line for
bench/run.sh. pypolca's own `npar` leaves out the R-1 class shares (a bug
for models without covariates), so BIC is computed here with poLCA's
formula: npar = R * sum(K_j - 1) + R - 1.

With STARTS_IN set to a starting-values file (the format of `naastenmeter
fit --start-values`, as bench/polca_fit.R writes it), each start begins from
those probabilities (pypolca's probs_start, in the order class, item,
category: with it the iterations per start match R poLCA's) instead of random ones.

Usage: [SEED=1] [STARTS_IN=starts.csv] python bench/polca_fit.py NAME DATA.csv CLASSES STARTS MAXITER TOL
"""
import math
import os
import sys
import time

import numpy as np
import polars as pl
import pypolca

name, path = sys.argv[1], sys.argv[2]
classes, starts, maxiter, tol = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
df = pl.read_csv(path)
formula = "cbind(" + ",".join(df.columns) + ") ~ 1"
starts_in = os.environ.get("STARTS_IN", "")
if starts_in:
    s = pl.read_csv(starts_in).sort(["start", "class", "item", "category"])
    vectors = [g["probability"].to_numpy().astype(np.float64)
               for _, g in s.group_by("start", maintain_order=True)]
    assert len(vectors) == starts, f"{starts_in} holds {len(vectors)} starts, not {starts}"
    t = time.perf_counter()
    fits = [pypolca.fit(formula, df, nclass=classes, maxiter=maxiter, tol=tol, na_rm=False,
                        nrep=1, probs_start=v, calc_se=False) for v in vectors]
    elapsed = time.perf_counter() - t
    fit = max(fits, key=lambda f: f.loglik)
    its = [int(f.iterations) for f in fits]
    print(f"ITERATIONS tool=polca set={name} per_start={','.join(map(str, its))} total={sum(its)}")
else:
    t = time.perf_counter()
    fit = pypolca.fit(formula, df, nclass=classes, maxiter=maxiter, tol=tol, na_rm=False,
                      nrep=starts, seed=int(os.environ.get("SEED", "1")), calc_se=False)
    elapsed = time.perf_counter() - t
n = df.height
npar = classes * sum(int(df[c].max()) - 1 for c in df.columns) + classes - 1
bic = -2 * fit.loglik + npar * math.log(n)
print(f"RESULT tool=polca set={name} secs={elapsed:.3f} ll={fit.loglik:.4f} npar={npar} bic={bic:.4f}")
