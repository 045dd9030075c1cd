"""Time numpy.linalg.eigh / eigvalsh on the matrices BenchmarkEigenSym uses
(symmetric, i.i.d. standard normal upper triangle), for bench/hessian.md.

Usage:
  python eigh_bench.py                 # markdown table for n = 500, 1000, 2000
  python eigh_bench.py N VECTORS REPS  # best-of-REPS seconds for one case (VECTORS 0 or 1)
  python eigh_bench.py N VECTORS REPS cpu  # the same, then best-of-REPS CPU seconds

BenchmarkEigenSym calls the second form when GOCURVE_PYTHON is set, so both
libraries are timed in the same run under the same load. numpy's OpenBLAS
picks its own thread count; set OPENBLAS_NUM_THREADS=1 to compare with
single-threaded gonum.
"""
import sys
import time

import numpy as np


def best_time(n, vectors, repeats, cpu=False):
    rng = np.random.default_rng(n)
    a = np.triu(rng.standard_normal((n, n)))
    a = a + np.triu(a, 1).T
    fn = (lambda: np.linalg.eigh(a)) if vectors else (lambda: np.linalg.eigvalsh(a))
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return (best, best_cpu) if cpu else best


def main():
    if len(sys.argv) == 4:
        print(best_time(int(sys.argv[1]), sys.argv[2] == "1", int(sys.argv[3])))
        return
    if len(sys.argv) == 5 and sys.argv[4] == "cpu":
        print(*best_time(int(sys.argv[1]), sys.argv[2] == "1", int(sys.argv[3]), cpu=True))
        return
    print("| n | vectors | numpy seconds |")
    print("|---|---|---|")
    for n in (500, 1000, 2000):
        for vectors in (False, True):
            print(f"| {n} | {vectors} | {best_time(n, vectors, 3):.4f} |")


if __name__ == "__main__":
    main()
