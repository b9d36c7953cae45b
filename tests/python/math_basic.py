# Exact math functions: sqrt, floor, ceil, fabs, trunc, copysign, and constants.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(1e100))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(-0.5))
print(math.fabs(-3), math.fabs(2.5), math.trunc(-3.9), math.trunc(3.9))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1))
print(math.isqrt(99), math.isqrt(10 ** 40), math.isqrt(0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
