"""Multinomial logistic regression, temperature scaling and calibration metrics, in numpy.

Inference needs numpy only. Training (:func:`fit_softmax`) minimises the weighted, L2-penalised
cross-entropy with SciPy's L-BFGS (SciPy comes with the ``classify`` extra); the loss and its
gradient are written out here, so the model is exactly what this file says.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


@dataclass(frozen=True)
class LinearModel:
    """``logits = ((x - mean) / scale) @ W + b``; probabilities are ``softmax(logits / T)``."""

    W: np.ndarray  # (d, k) float32
    b: np.ndarray  # (k,) float32
    mean: np.ndarray  # (d,) float32
    scale: np.ndarray  # (d,) float32
    temperature: float = 1.0

    def logits(self, X: np.ndarray) -> np.ndarray:
        Xs = (np.asarray(X, dtype=np.float64) - self.mean) / self.scale
        return Xs @ self.W.astype(np.float64) + self.b.astype(np.float64)

    def predict_proba(self, X: np.ndarray, calibrated: bool = True) -> np.ndarray:
        t = self.temperature if calibrated else 1.0
        return softmax(self.logits(X) / t)


def fit_softmax(
    X: np.ndarray,
    y: np.ndarray,
    n_classes: int,
    *,
    l2: float = 1e-3,
    sample_weight: np.ndarray | None = None,
    max_iter: int = 500,
) -> LinearModel:
    """Fit a multinomial logistic regression (deterministic: no random start, fixed iterations).

    ``l2`` penalises ``0.5 * l2 * ||W||^2`` against the *mean* weighted loss, on standardised
    features; the bias is not penalised.
    """
    from scipy.optimize import minimize

    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    n, d = X.shape
    k = n_classes
    mean = X.mean(axis=0)
    scale = X.std(axis=0) + 1e-6
    Xs = (X - mean) / scale
    w = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    w = w / w.sum()
    Y = np.zeros((n, k))
    Y[np.arange(n), y] = 1.0

    def loss_grad(theta: np.ndarray) -> tuple[float, np.ndarray]:
        W = theta[: d * k].reshape(d, k)
        b = theta[d * k :]
        Z = Xs @ W + b
        logp = log_softmax(Z)
        loss = -(w * (Y * logp).sum(axis=1)).sum() + 0.5 * l2 * (W * W).sum()
        G = (np.exp(logp) - Y) * w[:, None]
        gW = Xs.T @ G + l2 * W
        gb = G.sum(axis=0)
        return float(loss), np.concatenate([gW.ravel(), gb])

    theta0 = np.zeros(d * k + k)
    res = minimize(
        loss_grad, theta0, jac=True, method="L-BFGS-B",
        options={"maxiter": max_iter, "maxcor": 20, "gtol": 1e-7, "ftol": 1e-12},
    )  # fmt: skip
    W = res.x[: d * k].reshape(d, k)
    b = res.x[d * k :]
    return LinearModel(
        W=W.astype(np.float32), b=b.astype(np.float32),
        mean=mean.astype(np.float32), scale=scale.astype(np.float32),
    )  # fmt: skip


def fit_temperature(logits: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None) -> float:
    """The temperature T > 0 that minimises the NLL of ``softmax(logits / T)`` on (logits, y).

    A coarse log-spaced grid, then golden-section refinement: deterministic, numpy only.
    """
    logits = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    w = w / w.sum()

    def nll(log_t: float) -> float:
        lp = log_softmax(logits / np.exp(log_t))
        return float(-(w * lp[np.arange(len(y)), y]).sum())

    grid = np.linspace(np.log(0.05), np.log(20.0), 121)
    vals = [nll(g) for g in grid]
    i = int(np.argmin(vals))
    lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, len(grid) - 1)]
    phi = (np.sqrt(5) - 1) / 2
    a, b = lo, hi
    c, d = b - phi * (b - a), a + phi * (b - a)
    fc, fd = nll(c), nll(d)
    for _ in range(60):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - phi * (b - a)
            fc = nll(c)
        else:
            a, c, fc = c, d, fd
            d = a + phi * (b - a)
            fd = nll(d)
    return float(np.exp((a + b) / 2))


def expected_calibration_error(proba: np.ndarray, y: np.ndarray, n_bins: int = 15) -> float:
    """Top-label ECE with equal-width confidence bins (the usual definition)."""
    proba = np.asarray(proba)
    y = np.asarray(y)
    conf = proba.max(axis=1)
    correct = (proba.argmax(axis=1) == y).astype(np.float64)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def f1_scores(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """Per-class F1 (0 where a class has neither true nor predicted members)."""
    f1 = np.zeros(n_classes)
    for c in range(n_classes):
        tp = np.sum((y_pred == c) & (y_true == c))
        fp = np.sum((y_pred == c) & (y_true != c))
        fn = np.sum((y_pred != c) & (y_true == c))
        f1[c] = 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
    return f1
