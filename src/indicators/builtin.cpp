// The built-in indicators: one registration call per indicator, in one
// explicit table (no static self-registration the linker could drop).
// Adding an indicator = one new file under src/indicators/<group>/ defining
// `Status register_<name>(Registry&)`, plus one line here.
#include "indicators/registry.h"

namespace nocode::indicators {

// ---- overlap studies ----
Status register_sma(Registry&);
// <overlap declarations>
Status register_ema(Registry&);
Status register_wma(Registry&);
Status register_dema(Registry&);
Status register_tema(Registry&);
Status register_trima(Registry&);
Status register_kama(Registry&);
Status register_t3(Registry&);
Status register_ma(Registry&);
Status register_bbands(Registry&);
Status register_midpoint(Registry&);
Status register_midprice(Registry&);
Status register_sar(Registry&);
Status register_sarext(Registry&);
Status register_accbands(Registry&);

// ---- momentum ----
// <momentum declarations>
Status register_macd(Registry&);
Status register_macdfix(Registry&);
Status register_rsi(Registry&);
Status register_cci(Registry&);
Status register_adx(Registry&);
Status register_adxr(Registry&);
Status register_dx(Registry&);
Status register_plus_di(Registry&);
Status register_minus_di(Registry&);
Status register_plus_dm(Registry&);
Status register_minus_dm(Registry&);
Status register_stoch(Registry&);
Status register_stochf(Registry&);
Status register_stochrsi(Registry&);
Status register_apo(Registry&);
Status register_ppo(Registry&);
Status register_macdext(Registry&);

// ---- momentum (oscillators), volume, volatility ----
// <oscillator declarations>
Status register_aroon(Registry&);
Status register_aroonosc(Registry&);
Status register_bop(Registry&);
Status register_cmo(Registry&);
Status register_mfi(Registry&);
Status register_mom(Registry&);
Status register_roc(Registry&);
Status register_rocp(Registry&);
Status register_rocr(Registry&);
Status register_rocr100(Registry&);
Status register_trix(Registry&);
Status register_ultosc(Registry&);
Status register_willr(Registry&);
Status register_imi(Registry&);
Status register_ad(Registry&);
Status register_adosc(Registry&);
Status register_obv(Registry&);
Status register_atr(Registry&);
Status register_natr(Registry&);
Status register_trange(Registry&);

// ---- statistics, math, price transforms ----
// <statistic declarations>
Status register_stddev(Registry&);
Status register_var(Registry&);
Status register_linearreg(Registry&);
Status register_linearreg_slope(Registry&);
Status register_linearreg_angle(Registry&);
Status register_linearreg_intercept(Registry&);
Status register_tsf(Registry&);
Status register_correl(Registry&);
Status register_beta(Registry&);
Status register_avgdev(Registry&);
Status register_max(Registry&);
Status register_min(Registry&);
Status register_sum(Registry&);
Status register_minmaxindex(Registry&);
Status register_maxindex(Registry&);
Status register_minindex(Registry&);
Status register_minmax(Registry&);
Status register_math_transforms(Registry&);
Status register_add(Registry&);
Status register_sub(Registry&);
Status register_mult(Registry&);
Status register_div(Registry&);
Status register_typprice(Registry&);
Status register_avgprice(Registry&);
Status register_medprice(Registry&);
Status register_wclprice(Registry&);

// ---- cycle (Hilbert transform) and candlestick patterns ----
// <cycle declarations>
Status register_mama(Registry&);
Status register_ht_dcperiod(Registry&);
Status register_ht_dcphase(Registry&);
Status register_ht_phasor(Registry&);
Status register_ht_sine(Registry&);
Status register_ht_trendline(Registry&);
Status register_ht_trendmode(Registry&);
Status register_cdlengulfing(Registry&);
Status register_cdlmorningstar(Registry&);
Status register_cdldoji(Registry&);
Status register_cdlhammer(Registry&);
Status register_cdlshootingstar(Registry&);
Status register_cdlharami(Registry&);
Status register_cdleveningstar(Registry&);
Status register_cdl3whitesoldiers(Registry&);
Status register_cdl3blackcrows(Registry&);
Status register_cdlhangingman(Registry&);
Status register_cdlinvertedhammer(Registry&);
Status register_cdldragonflydoji(Registry&);
Status register_cdlgravestonedoji(Registry&);
Status register_cdlmarubozu(Registry&);
Status register_cdlspinningtop(Registry&);

// ---- indicators TA-Lib lacks (editor catalogue) ----
// <extended declarations>
Status register_kc(Registry&), register_dc(Registry&), register_bbwidth(Registry&),
    register_squeeze(Registry&), register_ui(Registry&), register_thermo(Registry&),
    register_chop(Registry&), register_vwap(Registry&), register_cmf(Registry&),
    register_emv(Registry&), register_fi(Registry&), register_nvi(Registry&),
    register_pvi(Registry&), register_pvt(Registry&), register_vroc(Registry&),
    register_vortex(Registry&), register_kvo(Registry&), register_volumeprofile(Registry&),
    register_marketstructure(Registry&);  // ext2
Status register_vwma(Registry&);
Status register_hma(Registry&);
Status register_zlema(Registry&);
Status register_alma(Registry&);
Status register_frama(Registry&);
Status register_vidya(Registry&);
Status register_ichimoku(Registry&);
Status register_tsi(Registry&);
Status register_pmo(Registry&);
Status register_qqe(Registry&);
Status register_rmi(Registry&);
Status register_ift_rsi(Registry&);
Status register_kdj(Registry&);
Status register_ao(Registry&);
Status register_ac(Registry&);
Status register_fisher(Registry&);
Status register_inertia(Registry&);
Status register_dpo(Registry&);
Status register_dmi(Registry&);

Status register_builtin_indicators(Registry& r) {
  using RegisterFn = Status (*)(Registry&);
  const RegisterFn table[] = {
      register_sma,
      // <overlap registrations>
      register_ema,
      register_wma,
      register_dema,
      register_tema,
      register_trima,
      register_kama,
      register_t3,
      register_ma,
      register_bbands,
      register_midpoint,
      register_midprice,
      register_sar,
      register_sarext,
      register_accbands,
      // <momentum registrations>
      register_macd,
      register_macdfix,
      register_rsi,
      register_cci,
      register_adx,
      register_adxr,
      register_dx,
      register_plus_di,
      register_minus_di,
      register_plus_dm,
      register_minus_dm,
      register_stoch,
      register_stochf,
      register_stochrsi,
      register_apo,
      register_ppo,
      register_macdext,
      // <oscillator registrations>
      register_aroon,
      register_aroonosc,
      register_bop,
      register_cmo,
      register_mfi,
      register_mom,
      register_roc,
      register_rocp,
      register_rocr,
      register_rocr100,
      register_trix,
      register_ultosc,
      register_willr,
      register_imi,
      register_ad,
      register_adosc,
      register_obv,
      register_atr,
      register_natr,
      register_trange,
      // <statistic registrations>
      register_stddev,
      register_var,
      register_linearreg,
      register_linearreg_slope,
      register_linearreg_angle,
      register_linearreg_intercept,
      register_tsf,
      register_correl,
      register_beta,
      register_avgdev,
      register_max,
      register_min,
      register_sum,
      register_minmaxindex,
      register_maxindex,
      register_minindex,
      register_minmax,
      register_math_transforms,
      register_add,
      register_sub,
      register_mult,
      register_div,
      register_typprice,
      register_avgprice,
      register_medprice,
      register_wclprice,
      // <cycle registrations>
      register_mama,
      register_ht_dcperiod,
      register_ht_dcphase,
      register_ht_phasor,
      register_ht_sine,
      register_ht_trendline,
      register_ht_trendmode,
      register_cdlengulfing,
      register_cdlmorningstar,
      register_cdldoji,
      register_cdlhammer,
      register_cdlshootingstar,
      register_cdlharami,
      register_cdleveningstar,
      register_cdl3whitesoldiers,
      register_cdl3blackcrows,
      register_cdlhangingman,
      register_cdlinvertedhammer,
      register_cdldragonflydoji,
      register_cdlgravestonedoji,
      register_cdlmarubozu,
      register_cdlspinningtop,
      // <extended registrations>
      register_kc, register_dc, register_bbwidth, register_squeeze, register_ui,  // ext2
      register_thermo, register_chop, register_vwap, register_cmf, register_emv, register_fi,
      register_nvi, register_pvi, register_pvt, register_vroc, register_vortex, register_kvo,
      register_volumeprofile, register_marketstructure,  // ext2 end
      register_vwma, register_hma, register_zlema, register_alma, register_frama,
      register_vidya, register_ichimoku, register_tsi, register_pmo, register_qqe,
      register_rmi, register_ift_rsi, register_kdj, register_ao, register_ac,
      register_fisher, register_inertia, register_dpo, register_dmi,
  };
  for (RegisterFn fn : table) NOCODE_RETURN_IF_ERROR(fn(r));
  return Status::ok();
}

}  // namespace nocode::indicators
