// Constants and the DFT sine/cosine table of the Hilbert-transform core.
#include "indicators/cycle/hilbert.h"

namespace nocode::indicators::hilbert {

double rad2deg_mama() {
  static const double v = 180.0 / (4.0 * std::atan(1.0));
  return v;
}

double rad2deg_ht() {
  static const double v = 45.0 / std::atan(1.0);
  return v;
}

double two_pi_ht() {
  static const double v = std::atan(1.0) * 8.0;
  return v;
}

double deg2rad_ht() {
  static const double v = 1.0 / rad2deg_ht();
  return v;
}

namespace {

DftTable make_table() {
  DftTable t{};
  const double two_pi = two_pi_ht();
  for (int p = 1; p <= 50; ++p) {
    for (int i = 0; i < p; ++i) {
      const double angle = (double(i) * two_pi) / double(p);
      t.sin[dft_offset(p) + i] = std::sin(angle);
      t.cos[dft_offset(p) + i] = std::cos(angle);
    }
  }
  return t;
}

}  // namespace

const DftTable& dft_table() {
  static const DftTable table = make_table();
  return table;
}

}  // namespace nocode::indicators::hilbert
