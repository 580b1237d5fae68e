#!/usr/bin/python3
"""SciPy reference for bench/fit.ts: the same Chinchilla fit, timed.

Same job as src/engine/fit/chinchilla.ts: the 240 rows of Epoch's
svg_extracted_data.csv (D = C / (6 N), the 5 highest-loss rows dropped), the
objective sum(Huber_1e-3(LSE(a - alpha log N, b - beta log D, e) - log L)) with its
analytic gradient, minimised by scipy.optimize.minimize(method='L-BFGS-B', jac=True)
with SciPy's default tolerances from each of the 4,500 grid starts; the best is kept.

Usage: /usr/bin/python3 bench/scipy_fit_reference.py <csv> [--starts-limit K]
Prints one JSON object: {"seconds", "params", "objective", "starts", "evaluations", ...}.
Only the fit loop is timed (not interpreter start-up, imports or CSV reading).
"""
import csv
import itertools
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize
from scipy.special import logsumexp

DELTA = 1e-3


def load(path):
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    n = np.array([float(r["Model Size"]) for r in rows])
    c = np.array([float(r["Training FLOP"]) for r in rows])
    loss = np.array([float(r["loss"]) for r in rows])
    # Epoch's notebook: keep rows with loss below the 5th-largest loss (240 of 245).
    keep = loss < np.sort(loss)[-5]
    n, c, loss = n[keep], c[keep], loss[keep]
    return n, c / (6 * n), loss


def make_objective(n, d, loss):
    log_n, log_d, log_l = np.log(n), np.log(d), np.log(loss)

    def fun(x):
        a, b, e, alpha, beta = x
        u = np.stack([a - alpha * log_n, b - beta * log_d, np.full_like(log_n, e)])
        lse = logsumexp(u, axis=0)
        r = lse - log_l
        c = np.clip(r, -DELTA, DELTA)  # dHuber/dr
        f = np.sum(c * (r - 0.5 * c))  # Huber(r)
        w = np.exp(u - lse) * c  # softmax weights times dHuber/dr
        grad = np.array([w[0].sum(), w[1].sum(), w[2].sum(), -(w[0] * log_n).sum(), -(w[1] * log_d).sum()])
        return f, grad

    return fun


def grid():
    alphas = betas = np.arange(0, 2.01, 0.5)
    es = np.arange(-1, 1.01, 0.5)
    abs_ = np.arange(0, 25.01, 5)
    # Same order as gridStarts() in chinchilla.ts; x = [a, b, e, alpha, beta].
    return [np.array([a, b, e, al, be]) for al, be, e, a, b in itertools.product(alphas, betas, es, abs_, abs_)]


def main():
    path = sys.argv[1]
    limit = None
    if "--starts-limit" in sys.argv:
        limit = int(sys.argv[sys.argv.index("--starts-limit") + 1])
    n, d, loss = load(path)
    fun = make_objective(n, d, loss)
    starts = grid()
    if limit is not None:
        starts = starts[:limit]
    t0 = time.perf_counter()
    best = None
    evaluations = 0
    for x0 in starts:
        res = minimize(fun, x0, jac=True, method="L-BFGS-B")
        evaluations += res.nfev
        if best is None or res.fun < best.fun:
            best = res
    seconds = time.perf_counter() - t0
    a, b, e, alpha, beta = best.x
    print(json.dumps({
        "seconds": seconds,
        "params": {"A": float(np.exp(a)), "B": float(np.exp(b)), "E": float(np.exp(e)),
                   "alpha": float(alpha), "beta": float(beta)},
        "objective": float(best.fun),
        "starts": len(starts),
        "rows": int(len(loss)),
        "evaluations": int(evaluations),
        "scipy": scipy.__version__,
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
