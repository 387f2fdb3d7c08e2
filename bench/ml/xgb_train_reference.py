#!/usr/bin/python3
"""Reference side of bench/ml_train_bench.cpp: trains python3-xgboost on the
same matrix with the same parameters and reports time and peak memory.

usage: xgb_train_reference.py --data FILE --rows N --cols K --rounds R
                              --nthread T --seed S [--reps N] [--preds OUT]

FILE holds rows*cols float64 features (row-major) followed by rows float64
labels, little-endian, as bench_ml writes them. Timed: DMatrix construction
plus xgb.train (the same work nocode's Model::fit does); imports and file
reading are not timed. Prints one JSON line:
{"seconds": [wall per rep], "cpu_seconds": [process CPU per rep], "maxrss_kb": peak resident set of this process,
 "base_maxrss_kb": the same after the imports, before the data}.
--preds writes the float32 training-set predictions of the last model (raw
bytes) so the caller can check both sides built the same model.
"""
import argparse
import json
import resource
import time

import numpy as np
import xgboost as xgb


def main():
    ap = argparse.ArgumentParser()
    for name in ("rows", "cols", "rounds", "nthread", "seed"):
        ap.add_argument("--" + name, type=int, required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--preds")
    a = ap.parse_args()
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    raw = np.fromfile(a.data, dtype="<f8")
    x = raw[: a.rows * a.cols].reshape(a.rows, a.cols)
    y = raw[a.rows * a.cols:]
    # nocode's xgboost defaults (docs/models.md), XGBoost's canonical names.
    params = {
        "objective": "binary:logistic", "eval_metric": "logloss", "eta": 0.3,
        "max_depth": 6, "min_child_weight": 1, "subsample": 1, "colsample_bytree": 1,
        "colsample_bylevel": 1, "colsample_bynode": 1, "lambda": 1, "alpha": 0, "gamma": 0,
        "max_delta_step": 0, "scale_pos_weight": 1, "tree_method": "hist", "max_bin": 256,
        "grow_policy": "depthwise", "max_leaves": 0, "seed": a.seed, "nthread": a.nthread,
    }
    seconds, cpu = [], []
    booster = None
    for _ in range(a.reps):
        t0, c0 = time.perf_counter(), time.process_time()
        dm = xgb.DMatrix(x, label=y, missing=np.nan, nthread=a.nthread)
        booster = xgb.train(params, dm, num_boost_round=a.rounds)
        seconds.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    if a.preds:
        booster.predict(xgb.DMatrix(x, missing=np.nan)).astype("<f4").tofile(a.preds)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "maxrss_kb": rss,
                      "base_maxrss_kb": base_rss}))


if __name__ == "__main__":
    main()
