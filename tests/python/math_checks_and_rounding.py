# isnan/isinf/isfinite/isclose, and rounded results of inexact functions.
import math
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(math.nan), math.isfinite(0.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2))
print(round(math.sin(math.pi / 6), 6), round(math.cos(0), 6), round(math.log(math.e), 6))
print(round(math.log10(1000), 6), round(math.log2(1024), 6), round(math.exp(1), 6))
print(round(math.hypot(3, 4), 6), round(math.degrees(math.pi), 6), round(math.radians(180), 6))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(-7, 3))
