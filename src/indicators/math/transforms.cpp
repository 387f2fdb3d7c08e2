// The 15 elementwise math transforms of TA-Lib (ACOS .. TANH), registered from
// one table: each is the C library function applied to every row, exactly as
// TA-Lib does it (no warm-up; NaN where the function is undefined).
#include <cmath>
#include <string>

#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

template <double (*G)(double)>
double apply(const double* v) {
  return G(v[0]);
}

double f_acos(double x) { return std::acos(x); }
double f_asin(double x) { return std::asin(x); }
double f_atan(double x) { return std::atan(x); }
double f_ceil(double x) { return std::ceil(x); }
double f_cos(double x) { return std::cos(x); }
double f_cosh(double x) { return std::cosh(x); }
double f_exp(double x) { return std::exp(x); }
double f_floor(double x) { return std::floor(x); }
double f_ln(double x) { return std::log(x); }
double f_log10(double x) { return std::log10(x); }
double f_sin(double x) { return std::sin(x); }
double f_sinh(double x) { return std::sinh(x); }
double f_sqrt(double x) { return std::sqrt(x); }
double f_tan(double x) { return std::tan(x); }
double f_tanh(double x) { return std::tanh(x); }

struct Transform {
  const char* name;
  const char* talib;
  const char* title;
  const char* definition;
  BatchFn batch;
  StreamFn stream;
};

template <double (*G)(double)>
constexpr BatchFn batch_of = elementwise::batch<1, apply<G>>;
template <double (*G)(double)>
constexpr StreamFn stream_of = make_state_stream<elementwise::State<1, apply<G>>>;

#define NOCODE_TRANSFORM(id, TA, title, def) \
  Transform { #id, TA, title, def, batch_of<f_##id>, stream_of<f_##id> }

const Transform kTransforms[] = {
    NOCODE_TRANSFORM(acos, "ACOS", "Vector Trigonometric ACos",
                     "Arc cosine of each value, in radians (NaN outside [−1, 1])."),
    NOCODE_TRANSFORM(asin, "ASIN", "Vector Trigonometric ASin",
                     "Arc sine of each value, in radians (NaN outside [−1, 1])."),
    NOCODE_TRANSFORM(atan, "ATAN", "Vector Trigonometric ATan",
                     "Arc tangent of each value, in radians."),
    NOCODE_TRANSFORM(ceil, "CEIL", "Vector Ceil", "Smallest integer ≥ each value."),
    NOCODE_TRANSFORM(cos, "COS", "Vector Trigonometric Cos", "Cosine of each value (radians)."),
    NOCODE_TRANSFORM(cosh, "COSH", "Vector Trigonometric Cosh",
                     "Hyperbolic cosine of each value (+inf when it overflows)."),
    NOCODE_TRANSFORM(exp, "EXP", "Vector Arithmetic Exp",
                     "e raised to each value (+inf when it overflows)."),
    NOCODE_TRANSFORM(floor, "FLOOR", "Vector Floor", "Largest integer ≤ each value."),
    NOCODE_TRANSFORM(ln, "LN", "Vector Log Natural",
                     "Natural logarithm of each value (NaN for negative values, −inf for 0)."),
    NOCODE_TRANSFORM(log10, "LOG10", "Vector Log10",
                     "Base-10 logarithm of each value (NaN for negative values, −inf for 0)."),
    NOCODE_TRANSFORM(sin, "SIN", "Vector Trigonometric Sin", "Sine of each value (radians)."),
    NOCODE_TRANSFORM(sinh, "SINH", "Vector Trigonometric Sinh",
                     "Hyperbolic sine of each value (±inf when it overflows)."),
    NOCODE_TRANSFORM(sqrt, "SQRT", "Vector Square Root",
                     "Square root of each value (NaN for negative values)."),
    NOCODE_TRANSFORM(tan, "TAN", "Vector Trigonometric Tan", "Tangent of each value (radians)."),
    NOCODE_TRANSFORM(tanh, "TANH", "Vector Trigonometric Tanh",
                     "Hyperbolic tangent of each value."),
};

#undef NOCODE_TRANSFORM

}  // namespace

Status register_math_transforms(Registry& r) {
  for (const Transform& t : kTransforms) {
    IndicatorSpec s;
    s.name = t.name;
    s.talib_name = t.talib;
    s.group = "math";
    s.title = t.title;
    s.inputs = {InputKind::kReal};
    s.outputs = {t.name};
    s.lookback = elementwise::lookback;
    s.batch = t.batch;
    s.stream = t.stream;
    s.definition = t.definition;
    s.source = "C standard library; TA-Lib TA_" + std::string(t.talib) + " conventions.";
    s.core = false;
    NOCODE_RETURN_IF_ERROR(r.add(std::move(s)));
  }
  return Status::ok();
}

}  // namespace nocode::indicators
