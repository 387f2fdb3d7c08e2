// Data steps (bars from the resolver) and technical indicators (registry
// kernels on bar columns or on a numeric series).
#include <algorithm>
#include <utility>

#include "engine/buffer_pool.h"
#include "engine/step_runner.h"
#include "indicators/registry.h"

namespace nocode::engine {
namespace {

using indicators::InputKind;

const char* kind_column(InputKind k) {
  switch (k) {
    case InputKind::kOpen: return "open";
    case InputKind::kHigh: return "high";
    case InputKind::kLow: return "low";
    case InputKind::kClose: return "close";
    case InputKind::kVolume: return "volume";
    default: return nullptr;
  }
}

// The series feeding one indicator input: a bar column (incl. hl2/hlc3/ohlc4)
// of the value's bars, or "" = the numeric series itself (close for bars).
Result<std::vector<double>> input_series(const Value& v, const std::string& column) {
  if (column.empty()) return numbers_of(v);
  return bar_column(*v.bars, column);
}

// Column of input `i` of `spec`: the binding's own choice for the main
// indicator; for a helper indicator, fixed OHLCV inputs by kind and the
// generic ones from the main indicator's first generic input.
std::string column_for(const workflow::IndicatorBinding& b, const indicators::IndicatorSpec& spec,
                       size_t i) {
  if (&spec == b.spec && i < b.input_columns.size()) return b.input_columns[i];
  if (const char* c = kind_column(spec.inputs[i])) return c;
  for (size_t k = 0; k < b.spec->inputs.size() && k < b.input_columns.size(); ++k) {
    if (!kind_column(b.spec->inputs[k])) return b.input_columns[k];
  }
  return spec.inputs[i] == InputKind::kReal1 ? "open" : "";
}

}  // namespace

Result<StepOutput> run_data(const workflow::Step& step, const StepContext& ctx) {
  if (!ctx.source || !ctx.data) return step_error(step, "data step without a located source");
  Result<Frame> bars = ctx.data->load(*ctx.source, step);
  if (!bars) return bars.status();
  StepOutput out;
  Value v;
  v.kind = ValueKind::kBars;
  v.bars = std::make_shared<const Frame>(std::move(*bars));
  out.by_handle["data-output"] = v;
  put_all(step, v, out);
  out.kernels = 1;
  return out;
}

Result<StepOutput> run_indicator(const workflow::Step& step, const StepContext& ctx) {
  if (!step.indicator || !step.indicator->spec) return step_error(step, "indicator not resolved");
  const workflow::IndicatorBinding& b = *step.indicator;
  Result<std::vector<const Value*>> in = ctx.values(step, "data-input");
  if (!in) return in.status();
  Value base;
  if (in->empty()) {
    if (!ctx.base) return step_error(step, "nothing on data-input and no data source");
    base.kind = ValueKind::kBars;
    base.bars = ctx.base;
  }
  const Value& src = in->empty() ? base : *in->front();
  StepOutput out;
  // One kernel call per distinct (spec, params); outputs pick from it. The
  // kernel writes into pooled buffers (buffer_pool.h) that every handle
  // naming the same output shares. A handful of calls at most: a flat list.
  struct Call {
    const indicators::IndicatorSpec* spec;
    const std::vector<double>* params;
    std::vector<std::shared_ptr<const std::vector<double>>> buffers;
  };
  std::vector<Call> computed;
  computed.reserve(b.outputs.size());
  const size_t n = src.rows();
  for (const auto& o : b.outputs) {
    const indicators::IndicatorSpec* spec = o.spec ? o.spec : b.spec;
    const indicators::Params& params = o.spec ? o.params : b.params;
    const std::vector<double>& values = params.values;
    auto it = std::find_if(computed.begin(), computed.end(), [&](const Call& c) {
      return c.spec == spec && *c.params == values;
    });
    if (it == computed.end()) {
      constexpr size_t kMaxArity = 16;
      if (spec->inputs.size() > kMaxArity || spec->outputs.size() > kMaxArity)
        return step_error(step, spec->name + ": more than 16 inputs or outputs");
      std::vector<std::vector<double>> arrays;  // derived inputs (hl2, ...), rarely any
      const double* ptrs[kMaxArity];
      for (size_t i = 0; i < spec->inputs.size(); ++i) {
        const std::string col = column_for(b, *spec, i);
        const std::vector<double>* direct =
            src.kind == ValueKind::kBars ? src.bars->column(col.empty() ? "close" : col)
            : (src.kind == ValueKind::kSeries && col.empty() ? src.series.get() : nullptr);
        if (direct) { ptrs[i] = direct->data(); continue; }
        Result<std::vector<double>> s = input_series(src, col);
        if (!s) return step_error(step, "input '" + col + "': " + s.status().message());
        arrays.push_back(std::move(*s));  // moving keeps the data pointer
        ptrs[i] = arrays.back().data();
      }
      std::vector<std::shared_ptr<const std::vector<double>>> buffers;
      buffers.reserve(spec->outputs.size());
      double* out_ptrs[kMaxArity];
      for (size_t k = 0; k < spec->outputs.size(); ++k) {
        auto buf = process_buffer_pool().acquire(n);
        out_ptrs[k] = buf->data();
        buffers.push_back(std::move(buf));
      }
      if (n > 0) spec->batch(ptrs, n, params, out_ptrs);
      computed.push_back(Call{spec, &values, std::move(buffers)});
      it = computed.end() - 1;
      ++out.kernels;
    }
    if (o.output_index >= it->buffers.size())
      return step_error(step, o.handle + ": output index out of range (plan bug)");
    out.by_handle[o.handle] = series_value(src.bars, it->buffers[o.output_index]);
  }
  return out;
}

}  // namespace nocode::engine
