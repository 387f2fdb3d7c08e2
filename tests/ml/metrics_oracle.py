#!/usr/bin/python3
"""Oracle for tests/ml/metrics_test.cpp: sklearn / scipy / pandas metrics of
the predictions in a CSV, printed as one JSON object (NaN as null).

usage: metrics_oracle.py MODE FILE.csv [MODE FILE.csv ...]   (prints a JSON list)
  MODE is binary, multiclass, regression or ic:
  binary:      columns y,p           (p = P(class 1))
  multiclass:  columns y,p0..pK-1
  regression:  columns y,pred
  ic:          columns ts,score,ret  (ts = UTC nanoseconds)
"""
import json
import math
import sys
import warnings

import numpy as np
import pandas as pd
from scipy import stats
from sklearn import metrics

warnings.filterwarnings("ignore")


def num(v):
    v = float(v)
    return v if math.isfinite(v) else None


def safe(fn):
    try:
        return num(fn())
    except ValueError:
        return None


def classification(df, probs, pred):
    y = df["y"].to_numpy().astype(int)
    binary = probs.shape[1] == 2
    avg = "binary" if binary else "macro"
    out = {
        "accuracy": num(metrics.accuracy_score(y, pred)),
        "precision": num(metrics.precision_score(y, pred, average=avg, zero_division=0)),
        "recall": num(metrics.recall_score(y, pred, average=avg, zero_division=0)),
        "f1": num(metrics.f1_score(y, pred, average=avg, zero_division=0)),
        "confusion": metrics.confusion_matrix(y, pred, labels=list(range(probs.shape[1]))).tolist(),
    }
    if binary:
        out["roc_auc"] = safe(lambda: metrics.roc_auc_score(y, probs[:, 1]))
        out["log_loss"] = safe(lambda: metrics.log_loss(y, probs[:, 1], labels=[0, 1]))
    else:
        out["roc_auc"] = safe(lambda: metrics.roc_auc_score(y, probs, multi_class="ovr", average="macro"))
        out["log_loss"] = safe(lambda: metrics.log_loss(y, probs, labels=list(range(probs.shape[1]))))
    return out


def binary(df):
    p1 = df["p"].to_numpy()
    probs = np.column_stack([1 - p1, p1])
    return classification(df, probs, (p1 > 0.5).astype(int))


def multiclass(df):
    probs = df[[c for c in df.columns if c.startswith("p")]].to_numpy()
    return classification(df, probs, probs.argmax(axis=1))


def regression(df):
    y, p = df["y"].to_numpy(), df["pred"].to_numpy()
    nz = y != 0
    agree = ((y > 0) & (p > 0)) | ((y < 0) & (p < 0))
    return {
        "rmse": num(math.sqrt(metrics.mean_squared_error(y, p))),
        "mae": num(metrics.mean_absolute_error(y, p)),
        "r2": num(metrics.r2_score(y, p)),
        "directional_accuracy": num(agree[nz].mean()) if nz.any() else None,
    }


def corr(x, y):
    if len(x) < 2:
        return None, None
    return num(stats.pearsonr(x, y)[0]), num(stats.spearmanr(x, y)[0])


def ic(df):
    df = df.dropna(subset=["score", "ret"]).copy()
    df["period"] = pd.to_datetime(df["ts"], unit="ns").dt.strftime("%Y-%m")
    overall = corr(df["score"].to_numpy(), df["ret"].to_numpy())
    periods = []
    for key, g in df.groupby("period", sort=True):
        if len(g) < 3:
            continue
        a, b = corr(g["score"].to_numpy(), g["ret"].to_numpy())
        periods.append({"period": key, "rows": len(g), "ic": a, "rank_ic": b})
    ics = pd.Series([p["ic"] for p in periods if p["ic"] is not None], dtype=float)
    ranks = pd.Series([p["rank_ic"] for p in periods if p["rank_ic"] is not None], dtype=float)
    return {
        "rows": len(df), "ic": overall[0], "rank_ic": overall[1], "periods": periods,
        "ic_mean": num(ics.mean()), "ic_std": num(ics.std(ddof=1)),
        "icir": num(ics.mean() / ics.std(ddof=1)) if len(ics) > 1 else None,
        "rank_ic_mean": num(ranks.mean()), "rank_ic_std": num(ranks.std(ddof=1)),
        "rank_icir": num(ranks.mean() / ranks.std(ddof=1)) if len(ranks) > 1 else None,
    }


def run(mode, path):
    df = pd.read_csv(path, dtype={"ts": "int64"} if mode == "ic" else None,
                     float_precision="round_trip")
    fn = {"binary": binary, "multiclass": multiclass, "regression": regression, "ic": ic}[mode]
    return fn(df)


def main():
    args = sys.argv[1:]
    print(json.dumps([run(args[i], args[i + 1]) for i in range(0, len(args), 2)]))


if __name__ == "__main__":
    main()
