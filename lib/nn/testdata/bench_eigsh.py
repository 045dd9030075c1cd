"""Top-k Hessian eigenvalues of an MLP loss with scipy eigsh on a jitted JAX HVP.

The reference side of BenchmarkLanczosVsEigsh (lib/nn/bench_test.go).
stdin: JSON {sizes, acts, loss, n, params, x, t (paths of float64 little-endian
files, gocurve's flat layout), k, tol}.
stdout: JSON {values (descending), compile_seconds, eigsh_seconds,
eigsh_cpu_seconds (all threads), matvecs, hvp_seconds (mean per product)}.
"""
import json
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np
from scipy.sparse.linalg import LinearOperator, eigsh

jax.config.update("jax_enable_x64", True)

ACTS = {"linear": lambda a: a, "tanh": jnp.tanh, "logistic": jax.nn.sigmoid, "relu": jax.nn.relu}

cfg = json.load(sys.stdin)
sizes, acts, n = cfg["sizes"], cfg["acts"], cfg["n"]
theta = jnp.asarray(np.fromfile(cfg["params"], dtype="<f8"))
x = jnp.asarray(np.fromfile(cfg["x"], dtype="<f8").reshape(n, sizes[0]))
t = jnp.asarray(np.fromfile(cfg["t"], dtype="<f8").reshape(n, sizes[-1]))


def loss(th):
    h, off = x, 0
    for din, dout, act in zip(sizes[:-1], sizes[1:], acts):
        w = th[off:off + dout * din].reshape(dout, din)
        off += dout * din
        b = th[off:off + dout]
        off += dout
        h = ACTS[act](h @ w.T + b)
    if cfg["loss"] == "mse":
        return 0.5 * jnp.sum((h - t) ** 2) / n
    return -jnp.sum(t * jax.nn.log_softmax(h, axis=1)) / n


hvp = jax.jit(lambda th, v: jax.jvp(jax.grad(loss), (th,), (v,))[1])

v0 = jnp.ones_like(theta)
start = time.perf_counter()
hvp(theta, v0).block_until_ready()
compile_seconds = time.perf_counter() - start

count = 0


def matvec(v):
    global count
    count += 1
    return np.asarray(hvp(theta, jnp.asarray(v.ravel())))


op = LinearOperator((theta.size, theta.size), matvec=matvec, dtype=np.float64)
rng = np.random.default_rng(0)
start, cpu = time.perf_counter(), time.process_time()
vals = eigsh(op, k=cfg["k"], which="LA", tol=cfg["tol"], v0=rng.standard_normal(theta.size),
             return_eigenvectors=False)
eigsh_seconds, eigsh_cpu = time.perf_counter() - start, time.process_time() - cpu
matvecs = count

start = time.perf_counter()
for _ in range(10):
    hvp(theta, v0).block_until_ready()
hvp_seconds = (time.perf_counter() - start) / 10

json.dump({"values": sorted(vals.tolist(), reverse=True), "compile_seconds": compile_seconds,
           "eigsh_seconds": eigsh_seconds, "eigsh_cpu_seconds": eigsh_cpu, "matvecs": matvecs, "hvp_seconds": hvp_seconds}, sys.stdout)
