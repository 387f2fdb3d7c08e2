// Wilder's directional-movement family (TA-Lib conventions): +DM, -DM, +DI,
// -DI, DX, ADX, ADXR. Kernels live in directional.cpp; each indicator's file
// (plus_dm.cpp, ..., adxr.cpp) declares its spec with these.
#pragma once

#include <memory>

#include "indicators/indicator.h"

namespace nocode::indicators::momentum {

// Lookbacks as TA-Lib's (unstable period 0).
int dm_lookback(const Params& p);    // p-1 (1 when p == 1)
int di_lookback(const Params& p);    // p   (1 when p == 1)
int dx_lookback(const Params& p);    // p
int adx_lookback(const Params& p);   // 2p-1
int adxr_lookback(const Params& p);  // 3p-2

// Inputs: +DM/-DM {high, low}; the others {high, low, close}.
void plus_dm_batch(const double* const* in, size_t n, const Params& p, double* const* out);
void minus_dm_batch(const double* const* in, size_t n, const Params& p, double* const* out);
void plus_di_batch(const double* const* in, size_t n, const Params& p, double* const* out);
void minus_di_batch(const double* const* in, size_t n, const Params& p, double* const* out);
void dx_batch(const double* const* in, size_t n, const Params& p, double* const* out);
void adx_batch(const double* const* in, size_t n, const Params& p, double* const* out);
void adxr_batch(const double* const* in, size_t n, const Params& p, double* const* out);

std::unique_ptr<Stream> plus_dm_stream(const Params& p);
std::unique_ptr<Stream> minus_dm_stream(const Params& p);
std::unique_ptr<Stream> plus_di_stream(const Params& p);
std::unique_ptr<Stream> minus_di_stream(const Params& p);
std::unique_ptr<Stream> dx_stream(const Params& p);
std::unique_ptr<Stream> adx_stream(const Params& p);
std::unique_ptr<Stream> adxr_stream(const Params& p);

}  // namespace nocode::indicators::momentum
