"""Reference derivatives of an MLP loss in JAX (float64, CPU).

stdin: JSON list of cases {sizes, acts, loss, params, x, t, v, dense};
params use gocurve's flat layout: for each layer W (out x in, row-major), then b.
stdout: JSON list of {loss, grad, hvp, ggnv, efv (empirical Fisher times v),
hessian (if dense), ggn (if dense)}.
"""
import json
import sys

import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)

ACTS = {
    "linear": lambda a: a,
    "tanh": jnp.tanh,
    "logistic": jax.nn.sigmoid,
    "relu": jax.nn.relu,
}


def unflatten(sizes, theta):
    layers, off = [], 0
    for din, dout in zip(sizes[:-1], sizes[1:]):
        w = theta[off:off + dout * din].reshape(dout, din)
        off += dout * din
        b = theta[off:off + dout]
        off += dout
        layers.append((w, b))
    return layers


def make(case):
    sizes, acts, loss = case["sizes"], case["acts"], case["loss"]
    n = len(case["x"]) // sizes[0]
    x = jnp.array(case["x"]).reshape(n, sizes[0])
    t = jnp.array(case["t"]).reshape(n, sizes[-1])

    def outputs(theta):
        h = x
        for (w, b), act in zip(unflatten(sizes, theta), acts):
            h = ACTS[act](h @ w.T + b)
        return h

    def loss_of_y(y):
        if loss == "mse":
            return 0.5 * jnp.sum((y - t) ** 2) / n
        logp = jax.nn.log_softmax(y, axis=1)
        return -jnp.sum(t * logp) / n

    def per_example(y):
        """ℓ_n for every example: J = mean of these."""
        if loss == "mse":
            return 0.5 * jnp.sum((y - t) ** 2, axis=1)
        return -jnp.sum(t * jax.nn.log_softmax(y, axis=1), axis=1)

    return outputs, loss_of_y, per_example


def run(case):
    outputs, loss_of_y, per_example = make(case)
    f = lambda th: loss_of_y(outputs(th))

    @jax.jit
    def compute(theta, v):
        if not case["dense"]:
            hvp = jax.jvp(jax.grad(f), (theta,), (v,))[1]
            y, jv = jax.jvp(outputs, (theta,), (v,))
            hjv = jax.jvp(jax.grad(loss_of_y), (y,), (jv,))[1]  # H_out J v
            ggnv = jax.vjp(outputs, theta)[1](hjv)[0]  # J^T H_out J v
            return f(theta), jax.grad(f)(theta), hvp, ggnv, None, None
        grad = jax.grad(f)
        hvp = jax.jvp(grad, (theta,), (v,))[1]
        y = outputs(theta)
        # GGN from its definition: J^T H_out J with J the Jacobian of all outputs.
        jac = jax.jacfwd(outputs)(theta).reshape(y.size, theta.size)
        hout = jax.hessian(loss_of_y)(y).reshape(y.size, y.size)
        ggn = jac.T @ hout @ jac
        return f(theta), grad(theta), hvp, ggn @ v, jax.hessian(f)(theta), ggn

    @jax.jit
    def empirical_fisher(theta, v):
        # per-example gradients, one row each: F̂v = Gᵀ(Gv)/N
        g = jax.jacrev(lambda th: per_example(outputs(th)))(theta)
        return g.T @ (g @ v) / g.shape[0]

    theta, v = jnp.array(case["params"]), jnp.array(case["v"])
    loss, grad, hvp, ggnv, hess, ggn = compute(theta, v)
    out = {"loss": float(loss), "grad": np.asarray(grad).tolist(),
           "hvp": np.asarray(hvp).tolist(), "ggnv": np.asarray(ggnv).tolist(),
           "efv": np.asarray(empirical_fisher(theta, v)).tolist()}
    if case["dense"]:
        out["hessian"] = np.asarray(hess).ravel().tolist()
        out["ggn"] = np.asarray(ggn).ravel().tolist()
    return out


json.dump([run(c) for c in json.load(sys.stdin)], sys.stdout)
