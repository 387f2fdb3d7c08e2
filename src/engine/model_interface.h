// The engine's view of model training: the interface and registry live in
// src/ml/model.h; this header keeps the engine's names for them.
#pragma once

#include "ml/model.h"

namespace nocode::engine {

using ml::FeatureMatrix;
using ml::Model;
using ml::ModelAlgorithm;
using ml::ModelRegistry;
using ml::TrainingData;
using ml::builtin_models;

}  // namespace nocode::engine
