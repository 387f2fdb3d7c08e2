// The reference side of the indicator benchmark: TA-Lib's 52 core functions
// (shared/reference/ta/INVENTORY.md, in its order) plus the extra rows of the
// "Speed to beat" table in shared/reference/ta/README.md, with that table's
// parameters, how to call each one
// through TA-Lib's direct C API, and its Tulip Indicators counterpart if any.
//
// nocode's side is never listed here: the benchmark iterates the registry and
// matches its specs to these rows by TA-Lib name.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nocode::bench {

struct Bars {
  const double* open;
  const double* high;
  const double* low;
  const double* close;
  const double* volume;
};

// Calls TA_XXX(0, end, inputs..., optIns = p[0..], &beg, &nb, outputs...).
// Returns the TA_RetCode (0 = success).
using TalibCall = int (*)(const Bars& bars, int end, const double* p, double* const* out,
                          int* beg, int* nb);

struct ReferenceIndicator {
  const char* talib_name;  // "BBANDS"
  const char* params;      // label, e.g. "5,2,2,SMA"
  // TA-Lib optional inputs (exact C names, as in ParamSpec::talib) and the
  // values benchmarked; p[] of TalibCall is in this order.
  std::vector<std::pair<std::string, double>> optins;
  int talib_outputs;
  TalibCall talib;  // nullptr when the benchmark is built without TA-Lib
  // Tulip counterpart ("" if Tulip has none) and its options.
  const char* tulip_name;
  std::vector<double> tulip_options;
  const char* note;  // how the Tulip counterpart differs, "" if it does not
  // TA-Lib writes int outputs (MINMAXINDEX, CDL*): the call gets the double
  // buffers reinterpreted as int*; widen_int_outputs() converts them after.
  bool int_outputs = false;
  // One of INVENTORY.md's 52 bold core functions. The others are the extra rows
  // of the README's speed table, shown only when the registry marks them core.
  bool core52 = true;
};

// The 52 core functions (INVENTORY.md order), then the README's extra rows.
const std::vector<ReferenceIndicator>& reference_indicators();

// Turns `nb` ints written by TA-Lib at the start of each buffer into doubles in place.
void widen_int_outputs(double* const* out, int outputs, int nb);

// TA_Initialize(); true when TA-Lib is linked in.
bool talib_init();

// Inputs of the generic series: inReal = close; inReal0 = close, inReal1 = open
// (the same binding nocode's compute_on_frame uses by default).
}  // namespace nocode::bench
