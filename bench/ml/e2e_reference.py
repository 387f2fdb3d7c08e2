#!/usr/bin/python3
"""End-to-end Python reference for examples/workflows/ml_xgboost.json
(bench/ml_e2e_bench.cpp times it against `nocode run`).

pandas + numpy + xgboost doing what the workflow does, with the same formulas:
  features  RSI(14) (Wilder, TA-Lib seeding), MACD(12,26,9) histogram (TA-Lib
            EMA seeding), Bollinger width (20, 2: 100 * (upper - lower) / middle,
            population std), 1- and 5-bar returns, 20-bar sample std (ddof 1) of
            the 1-bar return
  label     1 if close[t+5] / close[t] - 1 > 0 else 0 (NaN for the last 5 bars)
  split     ratio 0.6 / 0.2 / 0.2 with a 5-bar gap between parts
  rows      warm-up (any feature NaN) and unlabeled rows dropped
  model     xgboost binary:logistic, hist, the workflow's hyperparameters (100
            rounds, eta 0.05, max_depth 3, subsample / colsample_bytree 0.8), seed 42
  signal    long when P(up) > 0.52 on validation and test bars
  backtest  simple: position[t] * (close[t+1] / close[t] - 1), 0.1% per change

usage: e2e_reference.py GOOG.csv  -> one JSON line {seconds, maxrss_kb, metrics}
"""
import json
import resource
import sys
import time

t_start = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import xgboost as xgb  # noqa: E402
from sklearn import metrics as skm  # noqa: E402


def rsi(close, n=14):
    out = np.full(len(close), np.nan)
    d = np.diff(close)
    gain, loss = np.where(d > 0, d, 0.0), np.where(d < 0, -d, 0.0)
    g, l = gain[:n].sum() / n, loss[:n].sum() / n
    for t in range(n, len(close)):
        if t > n:
            g = (g * (n - 1) + gain[t - 1]) / n
            l = (l * (n - 1) + loss[t - 1]) / n
        s = g + l
        out[t] = 100.0 * (g / s) if abs(s) >= 1e-8 else 0.0
    return out


def ema_from(x, n, start):
    """TA-Lib EMA whose first value, at `start`, is the mean of x[start-n+1..start]."""
    out = np.full(len(x), np.nan)
    k = 2.0 / (n + 1)
    prev = x[start - n + 1:start + 1].sum() / n
    out[start] = prev
    for t in range(start + 1, len(x)):
        prev = (x[t] - prev) * k + prev
        out[t] = prev
    return out


def macd_hist(close, fast=12, slow=26, signal=9):
    start = slow - 1
    line = ema_from(close, fast, start) - ema_from(close, slow, start)
    sig = np.full(len(close), np.nan)
    sig_valid = ema_from(line[start:], signal, signal - 1)
    sig[start:] = sig_valid
    return line - sig


def bb_width(close, n=20, k=2.0):
    s = pd.Series(close)
    mid = s.rolling(n).mean()
    sd = s.rolling(n).std(ddof=0)
    return (((mid + k * sd) - (mid - k * sd)) / mid * 100.0).to_numpy()


def main():
    df = pd.read_csv(sys.argv[1])
    close = df["Close"].to_numpy(dtype=float)
    n = len(close)
    ret1 = pd.Series(close).pct_change(1)
    feats = np.column_stack([
        rsi(close), macd_hist(close), bb_width(close), ret1.to_numpy(),
        pd.Series(close).pct_change(5).to_numpy(), ret1.rolling(20).std(ddof=1).to_numpy()])
    fwd = np.full(n, np.nan)
    fwd[:-5] = close[5:] / close[:-5] - 1
    label = np.where(np.isnan(fwd), np.nan, (fwd > 0).astype(float))
    usable = n - 2 * 5
    n_train, n_valid = int(0.6 * usable), int(0.2 * usable)
    part = np.zeros(n, dtype=int)
    part[:n_train] = 1
    part[n_train + 5:n_train + 5 + n_valid] = 2
    part[n_train + 10 + n_valid:] = 3
    complete = ~np.isnan(feats).any(axis=1)
    first = int(np.argmax(complete))
    rows = np.arange(n) >= first
    use = rows & complete & ~np.isnan(label)
    tr, va, te = use & (part == 1), use & (part == 2), use & (part == 3)
    params = {"objective": "binary:logistic", "eval_metric": "logloss", "eta": 0.05,
              "max_depth": 3, "subsample": 0.8, "colsample_bytree": 0.8,
              "tree_method": "hist", "seed": 42, "nthread": 1}
    dtrain = xgb.DMatrix(feats[tr], label=label[tr], missing=np.nan)
    booster = xgb.train(params, dtrain, num_boost_round=100)
    best = 100
    score = np.full(n, np.nan)
    scored = rows & complete
    score[scored] = booster.predict(xgb.DMatrix(feats[scored], missing=np.nan),
                                    iteration_range=(0, best))
    out = {}
    for name, mask in (("train", tr), ("validation", va), ("test", te)):
        y, p = label[mask], score[mask]
        pred = (p > 0.5).astype(int)
        out[name] = {"rows": int(mask.sum()), "accuracy": skm.accuracy_score(y, pred),
                     "precision": skm.precision_score(y, pred, zero_division=0),
                     "recall": skm.recall_score(y, pred, zero_division=0),
                     "f1": skm.f1_score(y, pred, zero_division=0),
                     "roc_auc": skm.roc_auc_score(y, p), "log_loss": skm.log_loss(y, p)}
    oos = (part >= 2) & ~np.isnan(score)
    position = np.where(oos & (score > 0.52), 1.0, 0.0)
    bar_ret = np.zeros(n)
    bar_ret[:-1] = close[1:] / close[:-1] - 1
    cost = 0.001 * np.abs(np.diff(np.concatenate([[0.0], position])))
    equity = float(np.prod(1 + position * bar_ret - cost))
    seconds = time.perf_counter() - t_start
    print(json.dumps({"seconds": seconds, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "best_rounds": best, "equity_multiple": equity, "metrics": out}))


if __name__ == "__main__":
    main()
