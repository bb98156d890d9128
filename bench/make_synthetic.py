"""Writes the synthetic benchmark set: 100,000 respondents x 20 items x 5
categories (coded 1..5) from a 4-class latent class model, seed 2024.

Usage: python3 bench/make_synthetic.py OUT.csv
"""
import sys

import numpy as np

rng = np.random.default_rng(2024)
N, J, C, K = 100_000, 20, 5, 4
shares = np.array([0.4, 0.3, 0.2, 0.1])
probs = rng.dirichlet(np.ones(C) * 0.7, size=(K, J))
cls = rng.choice(K, size=N, p=shares)
u = rng.random((N, J, 1))
cum = np.cumsum(probs[cls], axis=2)
x = (u > cum).sum(axis=2) + 1
x = np.minimum(x, C)
header = ",".join(f"I{j + 1}" for j in range(J))
np.savetxt(sys.argv[1], x, fmt="%d", delimiter=",", header=header, comments="")
