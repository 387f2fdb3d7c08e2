#!/usr/bin/python3
"""Oracle for tests/ml/linear_models_test.cpp: fits scikit-learn's Ridge or
LogisticRegression on a CSV and prints the intercept and coefficients.

usage: linear_oracle.py ridge ALPHA FIT_INTERCEPT DATA.csv
       linear_oracle.py logistic C FIT_INTERCEPT DATA.csv

DATA.csv: a header, feature columns, then "label" and "weight" columns.
Output: the intercept on the first line, then one coefficient a line (repr).
"""
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression, Ridge


def main(kind, strength, fit_intercept, path):
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    x, y, w = data[:, :-2], data[:, -2], data[:, -1]
    fit_intercept = fit_intercept == "1"
    if kind == "ridge":
        model = Ridge(alpha=float(strength), fit_intercept=fit_intercept, solver="cholesky")
    else:
        model = LogisticRegression(C=float(strength), penalty="l2", fit_intercept=fit_intercept,
                                   solver="newton-cg", tol=1e-12, max_iter=10000)
    model.fit(x, y, sample_weight=w)
    intercept = np.ravel(model.intercept_)[0] if fit_intercept else 0.0
    print(repr(float(intercept)))
    for c in np.ravel(model.coef_):
        print(repr(float(c)))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
