"""Per-step time of optax's jitted update on a 100k-parameter problem, the
counterpart of lib/optim's BenchmarkStep.

Each timed call is one jitted function that applies the optimizer's update
to the parameters (tx.update + optax.apply_updates), with a fixed gradient,
as Go's Step does in place. Run on the CPU in float64:

    JAX_PLATFORMS=cpu JAX_ENABLE_X64=1 .venv/bin/python lib/optim/testdata/bench_optax.py
"""
import time

import jax
import jax.numpy as jnp
import optax

jax.config.update("jax_enable_x64", True)

N = 100_000
grad = jnp.sin(jnp.arange(N, dtype=jnp.float64))

txs = {
    "GD": optax.sgd(1e-3),
    "Momentum": optax.sgd(1e-3, momentum=0.9),
    "Nesterov": optax.sgd(1e-3, momentum=0.9, nesterov=True),
    "RMSprop": optax.rmsprop(1e-3, decay=0.9, eps=1e-8, eps_in_sqrt=True),
    "Adam": optax.adam(1e-3),
    "AdaGrad": optax.adagrad(1e-3, initial_accumulator_value=0.1, eps=1e-7),
    "Clipped(Momentum)": optax.chain(optax.clip(0.5), optax.clip_by_global_norm(1.0), optax.sgd(1e-3, momentum=0.9)),
}

print(f"jax {jax.__version__}, optax {optax.__version__}, backend {jax.default_backend()}, N = {N}")
for name, tx in txs.items():
    @jax.jit
    def step(params, state, tx=tx):
        upd, state = tx.update(grad, state, params)
        return optax.apply_updates(params, upd), state

    params = jnp.zeros(N, dtype=jnp.float64)
    state = tx.init(params)
    for _ in range(20):
        params, state = step(params, state)
    jax.block_until_ready(params)
    best = best_cpu = float("inf")
    for _ in range(5):
        reps = 2000
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(reps):
            params, state = step(params, state)
        jax.block_until_ready(params)
        best = min(best, (time.perf_counter() - t0) / reps)
        best_cpu = min(best_cpu, (time.process_time() - c0) / reps)
    # CPU time (all threads of the process) is steadier on a shared machine.
    print(f"{name:20s} {best * 1e9:12.0f} ns/step {best_cpu * 1e9:12.0f} cpu-ns/step")
