#!/usr/bin/python3
"""Oracle for tests/ml/xgboost_model_test.cpp: loads XGBoost JSON models with
Debian's python3-xgboost and prints their predictions.

usage: xgboost_predict.py MODEL.json FEATURES.csv OUT.txt [MODEL FEATURES OUT ...]

FEATURES.csv has a header of feature names; "nan" marks a missing value.
OUT.txt gets one row per line: the float32 predictions (probabilities for
multi:softprob, one per class) formatted with %.9g, space-separated.
"""
import csv
import sys

import numpy as np
import xgboost as xgb


def predict(model_path, csv_path, out_path):
    booster = xgb.Booster(model_file=model_path)
    with open(csv_path, newline="") as f:
        rows = list(csv.reader(f))
    names, data = rows[0], np.array([[float(v) for v in r] for r in rows[1:]], dtype=np.float64)
    dm = xgb.DMatrix(data, missing=np.nan, feature_names=booster.feature_names and names)
    pred = booster.predict(dm)
    pred = pred.reshape(pred.shape[0], -1)
    with open(out_path, "w") as out:
        for row in pred:
            out.write(" ".join("%.9g" % float(np.float32(v)) for v in row) + "\n")


def main(argv):
    if len(argv) < 3 or len(argv) % 3:
        sys.exit(__doc__)
    for i in range(0, len(argv), 3):
        predict(*argv[i:i + 3])


if __name__ == "__main__":
    main(sys.argv[1:])
