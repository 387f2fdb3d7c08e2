// Python's float floor division: the broker's fast path against the generic
// transcription of CPython, bit for bit over many magnitudes, and both
// against /usr/bin/python3 itself.
#include "backtest/py_float.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

#include "support/run_command.h"

namespace nocode::backtest {
namespace {

std::vector<std::pair<double, double>> pairs(size_t count) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> mant(1, 2);
  std::uniform_int_distribution<int> exp_a(-30, 60), exp_b(-30, 30);
  std::vector<std::pair<double, double>> out;
  for (size_t i = 0; i < count; ++i) {
    double a = std::ldexp(mant(rng), exp_a(rng)), b = std::ldexp(mant(rng), exp_b(rng));
    if (i % 7 == 0) a = std::nearbyint(a / b) * b;  // exact multiples: remainder 0
    if (i % 11 == 0) a = std::nextafter(std::nearbyint(a / b) * b, 0.0);  // just below one
    if (i % 13 == 0) a = -a;                                              // generic path
    out.emplace_back(a, b);
  }
  out.emplace_back(0.0, 3.0);
  out.emplace_back(-0.0, 3.0);
  out.emplace_back(std::ldexp(1.0, 49) * 3 + 1, 3.0);  // quotient near the 2^50 limit
  out.emplace_back(std::ldexp(1.0, 52) * 3 + 3, 3.0);  // above it
  return out;
}

TEST(PyFloat, FloorDivFastPathEqualsTheGenericOne) {
  for (const auto& [a, b] : pairs(2'000'000)) {
    const double fast = py_floor_div(a, b), generic = py_floor_div_generic(a, b);
    ASSERT_EQ(std::bit_cast<uint64_t>(fast), std::bit_cast<uint64_t>(generic)) << a << " // " << b;
  }
}

TEST(PyFloat, FloorDivEqualsPython) {
  const auto cases = pairs(3'000);
  const std::string dir = testing::make_temp_dir();
  {
    std::ofstream in(dir + "/pairs.txt");
    for (const auto& [a, b] : cases) in << std::hexfloat << a << " " << b << "\n";
  }
  const auto r = testing::run_shell(
      "/usr/bin/python3 -c \"import sys\nfor l in open(sys.argv[1]):\n a,b=(float.fromhex(x) "
      "for x in l.split())\n print((a//b).hex())\" " + dir + "/pairs.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream out(r.out);
  std::string line;
  for (const auto& [a, b] : cases) {
    ASSERT_TRUE(std::getline(out, line));
    const double want = std::strtod(line.c_str(), nullptr);
    ASSERT_EQ(std::bit_cast<uint64_t>(py_floor_div(a, b)), std::bit_cast<uint64_t>(want))
        << a << " // " << b << " python " << line;
  }
}

}  // namespace
}  // namespace nocode::backtest
