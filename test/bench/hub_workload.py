"""The reference workload for hub_sizing.py: the work of the course's first notebook
(notebooks/01-derivatives-and-the-quadratic-model.ipynb) in Python with numpy and
matplotlib, cell for cell, so that ipykernel is measured on the same lesson: finite
differences, Hessians, Taylor models, a contour plot, eigenvectors and line plots."""

CELLS = [
    """\
import numpy as np
import matplotlib.pyplot as plt

def grad(f, x, h=1e-6):
    x = np.asarray(x, float)
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(len(x))])

def hess(f, x, h=1e-4):
    x = np.asarray(x, float)
    n = len(x)
    H = np.empty((n, n))
    for i, ei in enumerate(np.eye(n)):
        for j, ej in enumerate(np.eye(n)):
            H[i, j] = (f(x + h*ei + h*ej) - f(x + h*ei - h*ej) - f(x - h*ei + h*ej) + f(x - h*ei - h*ej)) / (4 * h * h)
    return H

def J(t):
    x, y = t
    return 0.1*x**4 - 0.5*x**2 + 0.8*x*y + y*y + 0.3*np.sin(2*y)

theta = np.array([0.7, -0.4])
g = grad(J, theta)
print("grad J(theta) =", np.round(g, 5))""",
    """\
v = np.array([0.6, 0.8])
along = lambda t: J(theta + t * v)
measured = (along(1e-6) - along(-1e-6)) / 2e-6
print("slope along v: measured %.8f, predicted %.8f" % (measured, g @ v))""",
    """\
assert abs(measured - g @ v) < 1e-7""",
    """\
f = lambda x: x**3 - 3*x
fp = lambda x: (f(x + 1e-6) - f(x - 1e-6)) / 2e-6
fpp = lambda x: (f(x + 1e-4) - 2*f(x) + f(x - 1e-4)) / 1e-8
xs = np.linspace(-2.2, 2.2, 200)
fig, ax = plt.subplots()
ax.plot(xs, f(xs), label="f")
ax.plot(xs, fp(xs), "--", label="f' (slope)")
ax.plot(xs, fpp(xs), ":", label="f'' (change of slope)")
ax.set_ylim(-12, 12); ax.grid(True); ax.legend(loc="upper left")
ax.set_title("f(x) = x^3 - 3x, its slope and the change of slope")
plt.show()""",
    """\
x0, h = 1.5, 1e-3
assert abs((fp(x0 + h) - fp(x0 - h)) / (2*h) - fpp(x0)) < 1e-3
assert abs(fpp(x0) - 6*x0) < 1e-3""",
    """\
J3 = lambda t: np.sin(t[0]*t[1]) + t[0]**2*t[2] + np.exp(t[1] - t[2])
theta3 = np.array([0.3, -0.5, 0.8])
Hcols = np.column_stack([(grad(J3, theta3 + 1e-5*e) - grad(J3, theta3 - 1e-5*e)) / 2e-5 for e in np.eye(3)])
print(np.round(Hcols, 6))
print("largest |H_ij - H_ji|: %.2e" % np.abs(Hcols - Hcols.T).max())""",
    """\
assert np.abs(Hcols - Hcols.T).max() < 1e-4
assert np.allclose(hess(J3, theta3), Hcols, atol=1e-4)""",
    """\
H = hess(J, theta)
model = lambda t, d: J(theta) + t * (g @ d) + 0.5 * t * t * (d @ H @ d)
d = np.array([1, -0.5])
for t in [0.4, 0.2, 0.1, 0.05]:
    print("t = %-5g |J - m| = %.3e" % (t, abs(J(theta + t*d) - model(t, d))))
ts = np.linspace(-2, 2, 200)
fig, ax = plt.subplots()
ax.plot(ts, [J(theta + t*d) for t in ts], label="J")
ax.plot(ts, [model(t, d) for t in ts], "--", label="quadratic model m")
ax.set_ylim(-1.5, 3); ax.legend(); ax.set_title("J and its Taylor model along theta + t v")
plt.show()""",
    """\
A = np.array([[3.0, 1.0], [1.0, 2.0]])
b = np.array([1.0, -1.0])
q = lambda x: 0.5 * x @ A @ x - b @ x
xstar = np.linalg.solve(A, b)
print("x* =", np.round(xstar, 4))
X, Y = np.meshgrid(np.linspace(-2, 2, 200), np.linspace(-2, 2, 200))
Z = 0.5*(A[0, 0]*X*X + 2*A[0, 1]*X*Y + A[1, 1]*Y*Y) - b[0]*X - b[1]*Y
fig, ax = plt.subplots()
ax.contour(X, Y, Z, 20)
ax.plot(*xstar, "o", label="x* = A^-1 b")
ax.set_aspect("equal"); ax.legend(); ax.set_title("the minimum sits at A^-1 b")
plt.show()""",
    """\
xt = np.array([0.3, 1.2])
assert np.allclose(grad(q, xt), A @ xt - b, atol=1e-8)
assert np.allclose(hess(q, xt), A, atol=1e-5)""",
    """\
Hb = np.array([[5.0, 2.0], [2.0, 2.0]])
lam, Q = np.linalg.eigh(Hb)
print("lambda =", np.round(lam, 4))
print(np.round(Q, 4))
for i, l in enumerate(lam):
    print("axis along q%d: half-length %.4f" % (i + 1, np.sqrt(2 / l)))
X, Y = np.meshgrid(np.linspace(-1.5, 1.5, 200), np.linspace(-1.5, 1.5, 200))
fig, ax = plt.subplots()
ax.contour(X, Y, 0.5*(Hb[0, 0]*X*X + 2*Hb[0, 1]*X*Y + Hb[1, 1]*Y*Y), 15)
ax.set_aspect("equal")
plt.show()""",
    """\
assert np.allclose(Q.T @ Q, np.eye(2))
assert np.allclose(Q @ np.diag(lam) @ Q.T, Hb)""",
    """\
lt, Qt = np.linalg.eigh(H)
ts = np.linspace(-1.5, 1.5, 200)
fig, ax = plt.subplots()
for i in range(2):
    ax.plot(ts, [J(theta + t*Qt[:, i]) for t in ts], label="q%d (v'Hv = %.3f)" % (i + 1, lt[i]))
ax.legend(); ax.set_title("slices of J through theta along the eigenvectors of H")
plt.show()""",
    """\
for dv in [Qt[:, 0], Qt[:, 1], np.array([1.0, 0.0]), np.array([0.6, -0.8])]:
    s = lambda t: J(theta + t*dv)
    assert abs((s(1e-4) - 2*s(0) + s(-1e-4)) / 1e-8 - dv @ H @ dv) < 1e-3
assert lt[0] < 0 < lt[1]""",
]
