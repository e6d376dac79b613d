"""BG/NBD + Gamma-Gamma: fitted with ``lifetimes``, evaluated with plain numpy.

The closed forms below are those of ``lifetimes`` 0.11.3 (Fader, Hardie & Lee 2005; Fader &
Hardie 2013), re-written on arrays so one customer costs microseconds and the fitted
parameters can be stored as JSON instead of a pickle.
"""

from __future__ import annotations

import contextlib
import os
import warnings

import numpy as np
import pandas as pd
from scipy.special import expit, hyp2f1

_FALLBACK_PENALIZERS = (0.0, 0.001, 0.01, 0.1)

_FALLBACK_TOLERANCES = (1e-7, 1e-5)
"""BFGS tolerances tried per penalizer: when almost nobody drops out, BG/NBD's dropout parameters
run to the boundary and BFGS stops with "precision loss" at a gradient of ~1e-7 — effectively
converged, but reported as a failure at lifetimes' default tolerance (seen on the demo market's
CRM history)."""


def fit_bgnbd_gg(frequency, recency, T, monetary) -> dict[str, float]:
    """Fit BG/NBD on (frequency, recency, T) and Gamma-Gamma on repeat customers' mean spend.

    Args:
        frequency: repeat purchase periods per customer.
        recency: age at the last purchase (same unit as T).
        T: age at the cut.
        monetary: mean spend of the repeat purchases (0 where frequency is 0).

    Returns:
        JSON-ready parameters ``r, alpha, a, b`` (BG/NBD) and ``p, q, v`` (Gamma-Gamma).
    """
    from lifetimes import BetaGeoFitter, GammaGammaFitter

    frequency = np.asarray(frequency, float)
    recency = np.asarray(recency, float)
    T = np.asarray(T, float)
    monetary = np.asarray(monetary, float)
    params: dict[str, float] = {}
    last_error: Exception | None = None
    # lifetimes prints the optimiser's whole state to stdout when an attempt fails to converge;
    # stdout carries the CLI's JSON result and stderr the user's few sentences, and a failed
    # attempt is retried below (the last error is raised with its message), so the dump is dropped.
    # Its warnings on benign line searches are silenced.
    with warnings.catch_warnings(), open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        warnings.simplefilter("ignore")
        for pen, tol in ((p, t) for p in _FALLBACK_PENALIZERS for t in _FALLBACK_TOLERANCES):
            try:
                bg = BetaGeoFitter(penalizer_coef=pen).fit(frequency, recency, T, tol=tol)
                params.update({k: float(bg.params_[k]) for k in ("r", "alpha", "a", "b")})
                break
            except Exception as exc:  # lifetimes raises bare ConvergenceError/ValueError
                last_error = exc
        else:
            raise ValueError(f"BG/NBD did not converge: {last_error}")
        repeat = (frequency > 0) & (monetary > 0)
        for pen in _FALLBACK_PENALIZERS:
            try:
                gg = GammaGammaFitter(penalizer_coef=pen).fit(
                    pd.Series(frequency[repeat]), pd.Series(monetary[repeat])
                )
                params.update({k: float(gg.params_[k]) for k in ("p", "q", "v")})
                break
            except Exception as exc:  # see above
                last_error = exc
        else:
            raise ValueError(f"Gamma-Gamma did not converge: {last_error}")
    return params


def expected_purchases(params, t, frequency, recency, T) -> np.ndarray:
    """E[purchases in the next ``t`` periods | x, t_x, T] under BG/NBD."""
    r, alpha, a, b = params["r"], params["alpha"], params["a"], params["b"]
    x = np.asarray(frequency, float)
    recency = np.asarray(recency, float)
    T = np.asarray(T, float)
    _a, _b, _c = r + x, b + x, a + b + x - 1
    z = t / (alpha + T + t)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ln_hyp = np.log(hyp2f1(_a, _b, _c, z))
        alt = np.log(hyp2f1(_c - _a, _c - _b, _c, z)) + (_c - _a - _b) * np.log(1 - z)
        ln_hyp = np.where(np.isinf(ln_hyp) | np.isnan(ln_hyp), alt, ln_hyp)
        first = (a + b + x - 1) / (a - 1)
        second = 1 - np.exp(ln_hyp + (r + x) * np.log((alpha + T) / (alpha + t + T)))
        denominator = 1 + (x > 0) * (a / (b + x - 1)) * ((alpha + T) / (alpha + recency)) ** (r + x)
    return np.nan_to_num(first * second / denominator, nan=0.0, posinf=0.0)


def probability_alive(params, frequency, recency, T) -> np.ndarray:
    """P(still a customer | x, t_x, T) under BG/NBD."""
    r, alpha, a, b = params["r"], params["alpha"], params["a"], params["b"]
    x = np.asarray(frequency, float)
    recency = np.asarray(recency, float)
    T = np.asarray(T, float)
    log_div = (r + x) * np.log((alpha + T) / (alpha + recency)) + np.log(a / (b + np.maximum(x, 1) - 1))
    return np.where(x == 0, 1.0, expit(-log_div))


def expected_value(params, frequency, monetary) -> np.ndarray:
    """E[mean spend per purchase | x, m] under Gamma-Gamma (population mean when x = 0)."""
    p, q, v = params["p"], params["q"], params["v"]
    x = np.asarray(frequency, float)
    m = np.asarray(monetary, float)
    weight = p * x / (p * x + q - 1)
    population = v * p / (q - 1)
    return np.where(x > 0, (1 - weight) * population + weight * m, population)
