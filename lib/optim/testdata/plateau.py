"""optax.contrib.reduce_on_plateau's scale after each observed value."""
import json
import sys

import jax.numpy as jnp
import optax
from optax import contrib

cases = json.load(sys.stdin)["cases"]
out = []
for c in cases:
    tx = contrib.reduce_on_plateau(factor=c["factor"], patience=c["patience"], rtol=c["rtol"],
                                   atol=c["atol"], cooldown=c["cooldown"], min_scale=c["min_scale"])
    params = jnp.zeros(1)
    state = tx.init(params)
    scales = []
    for v in c["values"]:
        _, state = tx.update(jnp.zeros(1), state, params, value=jnp.asarray(v))
        scales.append(float(state.scale))
    out.append(scales)
json.dump({"scales": out}, sys.stdout)
