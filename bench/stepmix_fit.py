"""Times StepMix on a poLCA-coded CSV (items 1..K) with the given classes,
starts, iteration limit and tolerance; prints seconds and log-likelihood.

Usage: python bench/stepmix_fit.py DATA.csv CLASSES STARTS MAXITER TOL
"""
import sys
import time

import numpy as np
from stepmix.stepmix import StepMix

path, classes, starts, maxiter, tol = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
X = np.loadtxt(path, delimiter=",", skiprows=1) - 1  # StepMix wants 0-based codes
model = StepMix(n_components=classes, measurement="categorical", n_init=starts, max_iter=maxiter,
                abs_tol=tol / len(X), rel_tol=0, random_state=1, verbose=0, progress_bar=0)
t = time.perf_counter()
model.fit(X)
elapsed = time.perf_counter() - t
print(f"stepmix {path} k={classes} starts={starts}: {elapsed:.2f} s, LL {model.score(X) * len(X):.4f}")
