"""Times the C++ `polca` package (module pypolca) on a poLCA-coded CSV;
prints seconds and log-likelihood (its BIC omits the class shares, so only
the log-likelihood is compared).

Usage: python bench/polca_fit.py DATA.csv CLASSES STARTS MAXITER TOL
"""
import sys
import time

import polars as pl
import pypolca

path, classes, starts, maxiter, tol = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
df = pl.read_csv(path)
formula = "cbind(" + ",".join(df.columns) + ") ~ 1"
t = time.perf_counter()
fit = pypolca.fit(formula, df, classes, maxiter, tol, False, starts, 1, False)
elapsed = time.perf_counter() - t
ll = fit["llik"] if isinstance(fit, dict) else getattr(fit, "llik", float("nan"))
print(f"polca {path} k={classes} starts={starts}: {elapsed:.2f} s, LL {ll}")
