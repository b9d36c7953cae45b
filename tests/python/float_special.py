# inf and nan: creation, comparisons, arithmetic and printing.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("NaN"))
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan)
print(inf + 1, inf - inf, inf * 0, 1 / inf)
print(nan is nan, [nan] == [nan], nan in [nan])
print(max(1.0, inf), min(-inf, 0))
print(repr(inf), str(-inf))
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308))
