"""Reference trajectories for lib/optim's tests.

Reads JSON cases on stdin: {"cases": [{"problem": {...}, "method": str,
"hyper": {...}, "theta0": [...], "steps": int}]} and writes
{"trajectories": [[θ_0, θ_1, …, θ_steps], …]}.

Gradients and Hessians come from JAX (jax.grad, jax.hessian) applied to the
loss written out below, never from the Go code. First-order methods are
optax's own transforms; second-order ones are written from the published
formulas with NumPy:

  newton          θ ← θ − solve(H, g)
  damped_newton   θ ← θ − solve(H + τI, g)
  saddle_free     θ ← θ − V diag(1/(|λ|+τ)) Vᵀ g,  H = V diag(λ) Vᵀ (numpy.linalg.eigh)
  krylov_saddle_free
                  the same inside the Krylov space K_k(H, g): an orthonormal basis
                  Q by Arnoldi (each H·q orthogonalized against all of Q, twice; no
                  three-term recurrence), the dense T = QᵀHQ = S diag(θ) Sᵀ,
                  θ ← θ − Q S diag(1/(|θ|+τ)) Sᵀ Qᵀ g
"""
import json
import sys

import jax
import jax.numpy as jnp
import numpy as np
import optax

jax.config.update("jax_enable_x64", True)


def loss_fn(p):
    if p["kind"] == "quadratic":
        A = jnp.asarray(p["A"], dtype=jnp.float64)
        b = jnp.asarray(p["b"], dtype=jnp.float64)
        return lambda t: 0.5 * t @ A @ t + b @ t  # hessian.Quadratic: ½θᵀAθ + bᵀθ
    if p["kind"] == "rosenbrock":
        a, bb = p["a"], p["b"]
        return lambda t: (a - t[0]) ** 2 + bb * (t[1] - t[0] ** 2) ** 2
    raise ValueError(p["kind"])


def schedule(h):
    s = h.get("schedule")
    if s is None:
        return h.get("lr")
    if s["kind"] == "cosine":
        return optax.cosine_decay_schedule(s["lr"], s["steps"], alpha=s["min"] / s["lr"])
    if s["kind"] == "exponential":
        # optax.exponential_decay evaluates decay**count with optax's int32 step
        # count, which JAX computes in float32; this is the same schedule in float64.
        return lambda count: s["lr"] * jnp.power(s["decay"], jnp.asarray(count, dtype=jnp.float64))
    raise ValueError(s["kind"])


def optax_tx(method, h):
    lr = schedule(h)
    if method == "gd":
        return optax.sgd(lr)
    if method == "momentum":
        # notes: p ← μp − αg, θ ← θ + p  ==  optax trace b ← μb + g, θ ← θ − αb, with p = −αb
        return optax.sgd(lr, momentum=h["mu"])
    if method == "nesterov":
        return optax.sgd(lr, momentum=h["mu"], nesterov=True)
    if method == "rmsprop":
        # notes: s ← (1−γ)s + γg²  ==  optax ν ← decay·ν + (1−decay)g², decay = 1−γ; ε inside the root
        return optax.rmsprop(lr, decay=1 - h["gamma"], eps=h["eps"], eps_in_sqrt=True)
    if method == "adam":
        return optax.adam(lr, b1=h["beta1"], b2=h["beta2"], eps=h["eps"])
    if method == "adamw":
        return optax.adamw(lr, b1=h["beta1"], b2=h["beta2"], eps=h["eps"], weight_decay=h["wd"])
    if method == "lbfgs":
        # a fixed step: the L-BFGS direction times −α, no line search
        return optax.chain(optax.scale_by_lbfgs(memory_size=h["memory"]), optax.scale(-h["lr"]))
    if method == "adagrad":
        return optax.adagrad(lr, initial_accumulator_value=h["initial"], eps=h["eps"])
    if method == "clip_norm_gd":
        return optax.chain(optax.clip_by_global_norm(h["max_norm"]), optax.sgd(lr))
    if method == "clip_value_momentum":
        return optax.chain(optax.clip(h["max_value"]), optax.sgd(lr, momentum=h["mu"]))
    return None


_compiled = {}


def derivatives(problem):
    """jitted gradient and Hessian, compiled once per problem."""
    key = json.dumps(problem, sort_keys=True)
    if key not in _compiled:
        f = loss_fn(problem)
        _compiled[key] = (jax.jit(jax.grad(f)), jax.jit(jax.hessian(f)))
    return _compiled[key]


def run(case):
    grad, hess = derivatives(case["problem"])
    h, method = case["hyper"], case["method"]
    theta = jnp.asarray(case["theta0"], dtype=jnp.float64)
    out = [np.asarray(theta).tolist()]
    tx = optax_tx(method, h)
    state = tx.init(theta) if tx is not None else None
    for _ in range(case["steps"]):
        g = grad(theta)
        if tx is not None:
            upd, state = tx.update(g, state, theta)
            theta = optax.apply_updates(theta, upd)
        else:
            H = np.asarray(hess(theta))
            gn = np.asarray(g)
            n = len(gn)
            if method == "newton":
                d = np.linalg.solve(H, gn)
            elif method == "damped_newton":
                d = np.linalg.solve(H + h["tau"] * np.eye(n), gn)
            elif method == "saddle_free":
                lam, V = np.linalg.eigh(H)
                d = V @ ((V.T @ gn) / (np.abs(lam) + h["tau"]))
            elif method == "krylov_saddle_free":
                Q = (gn / np.linalg.norm(gn))[:, None]
                for _ in range(h["k"] - 1):
                    v = H @ Q[:, -1]
                    for _ in range(2):  # Gram-Schmidt twice
                        v = v - Q @ (Q.T @ v)
                    Q = np.hstack([Q, (v / np.linalg.norm(v))[:, None]])
                T = Q.T @ H @ Q
                lam, S = np.linalg.eigh(0.5 * (T + T.T))
                d = Q @ (S @ ((S.T @ (Q.T @ gn)) / (np.abs(lam) + h["tau"])))
            else:
                raise ValueError(method)
            theta = jnp.asarray(np.asarray(theta) - d)
        out.append(np.asarray(theta).tolist())
    return out


cases = json.load(sys.stdin)["cases"]
json.dump({"trajectories": [run(c) for c in cases]}, sys.stdout)
