"""Times StepMix (categorical latent class model, NumPy) on a CSV coded
1..K and prints one RESULT line for bench/run.sh. StepMix wants 0-based
codes, and its `abs_tol` applies to the mean log-likelihood per row, so the
total-log-likelihood tolerance is divided by N.

Usage: python bench/stepmix_fit.py NAME DATA.csv CLASSES STARTS MAXITER TOL
"""
import sys
import time

import numpy as np
from stepmix.stepmix import StepMix

name, path = sys.argv[1], sys.argv[2]
classes, starts, maxiter, tol = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
X = np.loadtxt(path, delimiter=",", skiprows=1) - 1
# StepMix refuses a negative tolerance; 0 already runs every iteration (it
# stops only when the change is below the tolerance, and never is below 0).
model = StepMix(n_components=classes, measurement="categorical", n_init=starts, max_iter=maxiter,
                abs_tol=max(tol, 0) / len(X), rel_tol=0, random_state=1, verbose=0, progress_bar=0)
t = time.perf_counter()
model.fit(X)
elapsed = time.perf_counter() - t
ll = model.score(X) * len(X)
print(f"RESULT tool=stepmix set={name} secs={elapsed:.3f} ll={ll:.4f} npar={model.n_parameters} bic={model.bic(X):.4f}")
