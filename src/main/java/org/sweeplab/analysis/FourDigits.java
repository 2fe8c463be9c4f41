package org.sweeplab.analysis;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.Locale;

/**
 * A number to four significant digits, as {@code String.format(Locale.ROOT, "%.4g", x)} writes it
 * ({@code 51.91}, {@code 0.0001235}, {@code 1.235e+04}, {@code 100.0}): the shortest decimal form
 * of x rounded half up to four digits, in plain notation from 1e-4 up to 1e4 and in scientific
 * notation outside. The report shows hundreds of thousands of numbers this way, and the formatter
 * took about two microseconds each without C2. Zero and non-finite values go to the formatter
 * itself.
 */
final class FourDigits {
  private FourDigits() {}

  static String format(double x) {
    if (x == 0 || !Double.isFinite(x)) {
      return String.format(Locale.ROOT, "%.4g", x);
    }
    // The shortest decimal digits of |x|: "51.91176629213483", "1.0E-5", "1.23456789E8"; always
    // with a point.
    String s = NumberOutput.toString(Math.abs(x), true);
    int e = s.indexOf('E');
    int end = e < 0 ? s.length() : e;
    int point = s.indexOf('.');
    // x = 0.d1 d2 ... * 10^exponent
    int exponent = point + (e < 0 ? 0 : Integer.parseInt(s.substring(e + 1)));
    char[] d = {'0', '0', '0', '0'};
    int n = 0;
    boolean up = false;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        continue;
      }
      if (n == 0 && c == '0') {
        exponent--; // a leading zero
        continue;
      }
      if (n < 4) {
        d[n] = c;
      } else if (n == 4) {
        up = c >= '5';
      }
      n++;
    }
    if (up) {
      int i = 3;
      while (i >= 0 && d[i] == '9') {
        d[i--] = '0';
      }
      if (i >= 0) {
        d[i]++;
      } else {
        d[0] = '1';
        exponent++;
      }
    }
    StringBuilder b = new StringBuilder(12);
    if (x < 0) {
      b.append('-');
    }
    int scientific = exponent - 1;
    if (scientific < -4 || scientific >= 4) {
      b.append(d[0]).append('.').append(d, 1, 3).append('e').append(scientific < 0 ? '-' : '+');
      int a = Math.abs(scientific);
      if (a < 10) {
        b.append('0');
      }
      return b.append(a).toString();
    }
    if (exponent <= 0) {
      b.append("0.");
      for (int i = exponent; i < 0; i++) {
        b.append('0');
      }
      return b.append(d).toString();
    }
    b.append(d, 0, exponent);
    if (exponent < 4) {
      b.append('.').append(d, exponent, 4 - exponent);
    }
    return b.toString();
  }
}
