package org.sweeplab.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Comparison.Result} as {@code sweeplab compare} prints it: a few lines of text, or one
 * JSON object. Numbers are written with six significant digits in the text and in full in JSON,
 * where a NaN (a test that is not defined, e.g. fewer than two values) or an infinite number (the
 * odds ratio of a table with a zero cell) is {@code null}.
 *
 * @param result the comparison
 * @param confidence the confidence level of its interval
 */
public record ComparisonReport(Comparison.Result result, double confidence) {

  /**
   * @return the comparison as text, one fact per line, ending with a newline
   */
  public String text() {
    Comparison.Result r = result;
    TwoSampleResult m = r.metricTest();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(Locale.ROOT, "compare %s%n  a: %s%n  b: %s%n", r.metric(), r.a(), r.b()));
    b.append(
        String.format(
            Locale.ROOT,
            "runs:          a %d (%d ok, %s), b %d (%d ok, %s)%n",
            r.runsA(),
            r.okA(),
            percent(r.okA(), r.runsA()),
            r.runsB(),
            r.okB(),
            percent(r.okB(), r.runsB())));
    b.append(
        String.format(
            Locale.ROOT,
            "success rates: %s, %s = %s, p = %s%n",
            r.successTest(),
            r.successTest().equals("fisher_exact") ? "odds ratio" : "chi-square",
            fmt(r.successStatistic()),
            fmt(r.successPValue())));
    b.append(
        String.format(
            Locale.ROOT,
            "%s:%s mean a %s (n %d), mean b %s (n %d)%s%n",
            r.metric(),
            pad(r.metric()),
            fmt(m.meanA()),
            m.nA(),
            fmt(m.meanB()),
            m.nB(),
            m.paired() ? ", paired by seed" : ""));
    b.append(
        String.format(
            Locale.ROOT,
            "difference:    a - b = %s, %s%% CI [%s, %s]%n",
            fmt(m.difference()),
            fmt(100 * confidence),
            fmt(m.ciLow()),
            fmt(m.ciHigh())));
    b.append(
        String.format(
            Locale.ROOT,
            "test:          %s, statistic %s, p = %s%n",
            m.test(),
            fmt(m.statistic()),
            fmt(m.pValue())));
    b.append(
        String.format(
            Locale.ROOT, "effect size:   %s = %s%n", m.effectKind(), fmt(m.effectSize())));
    return b.toString();
  }

  /**
   * @return the comparison as one JSON object, with a newline
   */
  public String json() {
    Comparison.Result r = result;
    TwoSampleResult m = r.metricTest();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("metric", r.metric());
    o.put("subset_a", r.a().toString());
    o.put("subset_b", r.b().toString());
    o.put("runs_a", r.runsA());
    o.put("ok_runs_a", r.okA());
    o.put("runs_b", r.runsB());
    o.put("ok_runs_b", r.okB());
    o.put("success_rate_a", number(rate(r.okA(), r.runsA())));
    o.put("success_rate_b", number(rate(r.okB(), r.runsB())));
    o.put("success_test", r.successTest());
    o.put("success_statistic", number(r.successStatistic()));
    o.put("success_p_value", number(r.successPValue()));
    o.put("test", m.test());
    o.put("paired", m.paired());
    o.put("n_a", m.nA());
    o.put("n_b", m.nB());
    o.put("mean_a", number(m.meanA()));
    o.put("mean_b", number(m.meanB()));
    o.put("difference", number(m.difference()));
    o.put("confidence", confidence);
    o.put("ci_low", number(m.ciLow()));
    o.put("ci_high", number(m.ciHigh()));
    o.put("statistic", number(m.statistic()));
    o.put("p_value", number(m.pValue()));
    o.put("effect_kind", m.effectKind());
    o.put("effect_size", number(m.effectSize()));
    try {
      return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Double number(double x) {
    return Double.isFinite(x) ? x : null;
  }

  private static double rate(long ok, long n) {
    return n == 0 ? Double.NaN : (double) ok / n;
  }

  private static String percent(long ok, long n) {
    return n == 0 ? "no runs" : String.format(Locale.ROOT, "%.1f%%", 100.0 * ok / n);
  }

  private static String pad(String metric) {
    return " ".repeat(Math.max(1, 14 - metric.length() - 1));
  }

  static String fmt(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    return String.format(Locale.ROOT, "%.6g", x)
        .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
        .replaceAll("\\.(e|$)", "$1");
  }
}
