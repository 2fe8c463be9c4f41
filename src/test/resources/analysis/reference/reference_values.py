#!/usr/bin/python3
"""Expected values for the analysis tests, from scipy (Debian python3-scipy) and exact rational arithmetic.

Run: /usr/bin/python3 reference_values.py   (prints name = value lines; the tests quote them with the versions)
"""
from fractions import Fraction
import numpy as np
import scipy
from scipy import stats

print("scipy", scipy.__version__, "numpy", np.__version__)
A = [12.1, 14.3, 11.8, 15.2, 13.7, 12.9, 14.8]
B = [10.2, 11.9, 12.4, 10.8, 11.1, 13.0]
C = [13.5, 12.2, 14.1, 13.3, 12.8]

def tq(level, df):
    """t quantile with P(|T| <= t) = level. scipy 1.10.1's t.ppf is off by ~1e-9 (its own t.sf disagrees),
    so it is refined by two Newton steps on scipy's t.sf."""
    q = (1 - level) / 2
    x = stats.t.isf(q, df)
    for _ in range(2):
        x += (stats.t.sf(x, df) - q) / stats.t.pdf(x, df)
    return x


def show(name, v):
    print(f"{name} = {float(v)!r}")

# descriptive
show("mean(A)", np.mean(A)); show("sd(A)", np.std(A, ddof=1))
for q in (0.25, 0.5, 0.75):
    show(f"quantile(A,{q})", np.percentile(A, q * 100))
h = tq(0.95, len(A) - 1) * stats.sem(A)
lo, hi = np.mean(A) - h, np.mean(A) + h
show("tci.lo(A)", lo); show("tci.hi(A)", hi)
ci = stats.binomtest(7, 10).proportion_ci(confidence_level=0.95, method="wilson")
show("wilson(7,10).lo", ci.low); show("wilson(7,10).hi", ci.high)
ci = stats.binomtest(0, 5).proportion_ci(confidence_level=0.95, method="wilson")
show("wilson(0,5).lo", ci.low); show("wilson(0,5).hi", ci.high)

# Welch t and its interval of the difference
r = stats.ttest_ind(A, B, equal_var=False)
show("welch.t", r.statistic); show("welch.p", r.pvalue)
va, vb, na, nb = np.var(A, ddof=1), np.var(B, ddof=1), len(A), len(B)
se2 = va / na + vb / nb
df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
h = tq(0.95, df) * np.sqrt(se2)
d = np.mean(A) - np.mean(B)
show("welch.ci.lo", d - h); show("welch.ci.hi", d + h)
sp = np.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2))
show("cohen.d(A,B)", d / sp)
show("cliff(A,B)", np.mean([np.sign(x - y) for x in A for y in B]))

# Mann-Whitney, exact (small, no ties)
r = stats.mannwhitneyu(A, B, alternative="two-sided", method="exact")
show("mw.exact.U", r.statistic); show("mw.exact.p", r.pvalue)
# Mann-Whitney, asymptotic with ties and continuity correction
rng = np.random.default_rng(7)
X = rng.integers(0, 10, 60).tolist(); Y = (rng.integers(0, 10, 55) + 1).tolist()
print("X =", X); print("Y =", Y)
r = stats.mannwhitneyu(X, Y, alternative="two-sided", method="asymptotic", use_continuity=True)
show("mw.asym.U", r.statistic); show("mw.asym.p", r.pvalue)
show("cliff(X,Y)", np.mean([np.sign(x - y) for x in X for y in Y]))

# paired
P = A[:6]
r = stats.ttest_rel(P, B)
show("paired.t", r.statistic); show("paired.p", r.pvalue)
dd = np.array(P) - np.array(B)
h = tq(0.95, len(dd) - 1) * stats.sem(dd)
lo, hi = dd.mean() - h, dd.mean() + h
show("paired.ci.lo", lo); show("paired.ci.hi", hi)
show("paired.dz", dd.mean() / np.std(dd, ddof=1))
r = stats.wilcoxon(P, B, method="exact")
print("wilcoxon W (scipy min(W+,W-))", r.statistic)
show("wilcoxon.p", r.pvalue)
show("wilcoxon.Wplus", sum(stats.rankdata(np.abs(dd))[dd > 0]))

# overall tests
r = stats.f_oneway(A, B, C)
show("anova.F", r.statistic); show("anova.p", r.pvalue)
allv = np.concatenate([A, B, C]); gm = allv.mean()
ssb = sum(len(g) * (np.mean(g) - gm) ** 2 for g in (A, B, C)); sst = ((allv - gm) ** 2).sum()
show("anova.eta2", ssb / sst)
K1 = [1, 2, 2, 3, 5]; K2 = [2, 3, 3, 4, 6, 6]; K3 = [5, 6, 7, 7, 8]
r = stats.kruskal(K1, K2, K3)
show("kw.H", r.statistic); show("kw.p", r.pvalue)

# proportions
r = stats.fisher_exact([[8, 2], [1, 5]])
show("fisher.p", r[1]); show("fisher.odds", r[0])
chi2, p, dof, _ = stats.chi2_contingency([[2600, 2400], [2150, 2850]], correction=False)
show("chi2.stat", chi2); show("chi2.p", p)

# ill-conditioned: values near 1e9 differing in the last bits; exact variance by rational arithmetic
ill = [1e9 + k * 2.0 ** -20 for k in (3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5)]
fr = [Fraction(x) for x in ill]
m = sum(fr) / len(fr)
var = sum((x - m) ** 2 for x in fr) / (len(fr) - 1)
show("ill.mean", m); show("ill.var", var)
naive = (sum(x * x for x in ill) - len(ill) * np.mean(ill) ** 2) / (len(ill) - 1)
show("ill.naive.var (wrong)", naive)

# Holm, exact rational arithmetic on p = [0.01, 0.04, 0.03, 0.005]
p = [Fraction(1, 100), Fraction(4, 100), Fraction(3, 100), Fraction(5, 1000)]
order = sorted(range(4), key=lambda i: p[i]); adj = [None] * 4; run = Fraction(0)
for k, i in enumerate(order):
    run = max(run, min(Fraction(1), (4 - k) * p[i])); adj[i] = run
print("holm =", [float(a) for a in adj])

# Main effect eta squared of a one-way layout = the ANOVA above. Power advice: z quantiles
show("z(0.975)", stats.norm.ppf(0.975)); show("z(0.8)", stats.norm.ppf(0.8))

# VariationStatisticsTest: a group of 2 runs, none ok
ci = stats.binomtest(0, 2).proportion_ci(confidence_level=0.95, method="wilson")
show("wilson(0,2).hi", ci.high)

# ComparisonAndCostTest: success 7/7 against 6/11
show("fisher([[7,0],[6,5]]).p", stats.fisher_exact([[7, 0], [6, 5]])[1])
