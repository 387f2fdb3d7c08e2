// Builds an indicator's Stream and (default) batch kernel from one "state"
// type, so that both run the same arithmetic and agree bit for bit.
//
// A State type provides:
//   explicit State(const Params& params);
//   static constexpr size_t kInputs;   // values per bar, in the spec's input order
//   static constexpr size_t kOutputs;
//   // Consumes one bar; returns true and writes kOutputs values once ready.
//   bool step(const double* bar, double* out);
//
// reset() rebuilds the state from the stored parameters. An indicator may
// also provide a faster hand-written batch kernel, as long as the
// batch/stream identity test still holds.
#pragma once

#include <array>
#include <memory>
#include <span>

#include "indicators/indicator.h"

namespace nocode::indicators {

template <class State>
class StateStream final : public Stream {
 public:
  explicit StateStream(const Params& params) : params_(params), state_(params) { out_.fill(kNaN); }

  void update(std::span<const double> bar) override {
    std::array<double, State::kInputs> in{};
    for (size_t k = 0; k < State::kInputs && k < bar.size(); ++k) in[k] = bar[k];
    std::array<double, State::kOutputs> out{};
    if (state_.step(in.data(), out.data())) {
      out_ = out;
      ready_ = true;
    }
  }
  bool ready() const override { return ready_; }
  void reset() override {
    state_ = State(params_);
    out_.fill(kNaN);
    ready_ = false;
  }
  double value(size_t k) const override { return k < State::kOutputs ? out_[k] : kNaN; }

 private:
  Params params_;
  State state_;
  std::array<double, State::kOutputs> out_{};
  bool ready_ = false;
};

template <class State>
std::unique_ptr<Stream> make_state_stream(const Params& params) {
  return std::make_unique<StateStream<State>>(params);
}

// The default batch kernel: runs the state over the rows.
template <class State>
void batch_by_state(const double* const* in, size_t n, const Params& params, double* const* out) {
  State state(params);
  std::array<double, State::kInputs> bar{};
  std::array<double, State::kOutputs> values{};
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < State::kInputs; ++k) bar[k] = in[k][i];
    if (state.step(bar.data(), values.data())) {
      for (size_t k = 0; k < State::kOutputs; ++k) out[k][i] = values[k];
    } else {
      for (size_t k = 0; k < State::kOutputs; ++k) out[k][i] = kNaN;
    }
  }
}

// Fills rows [0, min(count, n)) of every output with NaN.
inline void fill_warmup(double* const* out, size_t outputs, size_t n, size_t count) {
  const size_t m = count < n ? count : n;
  for (size_t k = 0; k < outputs; ++k)
    for (size_t i = 0; i < m; ++i) out[k][i] = kNaN;
}

}  // namespace nocode::indicators
