"""Time numpy.linalg.eigh / eigvalsh on the matrices BenchmarkEigenSym uses
(symmetric, i.i.d. standard normal upper triangle), for bench/hessian.md.

Usage: python eigh_bench.py [repeats]   (prints a markdown table)
The BLAS thread count is whatever numpy's OpenBLAS picks; set
OPENBLAS_NUM_THREADS=1 to compare with single-threaded gonum.
"""
import sys
import time

import numpy as np


def best_time(fn, repeats):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rng = np.random.default_rng(0)
    print("| n | vectors | numpy seconds |")
    print("|---|---|---|")
    for n in (500, 1000, 2000):
        a = np.triu(rng.standard_normal((n, n)))
        a = a + np.triu(a, 1).T
        for vectors in (False, True):
            fn = (lambda: np.linalg.eigh(a)) if vectors else (lambda: np.linalg.eigvalsh(a))
            print(f"| {n} | {vectors} | {best_time(fn, repeats):.4f} |")


if __name__ == "__main__":
    main()
