"""Times the C++ `polca` package (module pypolca, poLCA's EM in C++ with
Eigen) on a CSV coded 1..K, no covariates, and prints one RESULT line for
bench/run.sh. pypolca's own `npar` leaves out the R-1 class shares (a bug
for models without covariates), so BIC is computed here with poLCA's
formula: npar = R * sum(K_j - 1) + R - 1.

Usage: [SEED=1] python bench/polca_fit.py NAME DATA.csv CLASSES STARTS MAXITER TOL
"""
import math
import os
import sys
import time

import polars as pl
import pypolca

name, path = sys.argv[1], sys.argv[2]
classes, starts, maxiter, tol = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
df = pl.read_csv(path)
formula = "cbind(" + ",".join(df.columns) + ") ~ 1"
t = time.perf_counter()
fit = pypolca.fit(formula, df, nclass=classes, maxiter=maxiter, tol=tol, na_rm=False,
                  nrep=starts, seed=int(os.environ.get("SEED", "1")), calc_se=False)
elapsed = time.perf_counter() - t
n = df.height
npar = classes * sum(int(df[c].max()) - 1 for c in df.columns) + classes - 1
bic = -2 * fit.loglik + npar * math.log(n)
print(f"RESULT tool=polca set={name} secs={elapsed:.3f} ll={fit.loglik:.4f} npar={npar} bic={bic:.4f}")
