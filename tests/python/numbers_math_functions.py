# math: float functions with CPython's domain and range errors, fsum, hypot, dist.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10))
print(math.log(100), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1e-5))
print(math.log(10**400), math.log2(2**2000), math.log10(10**500), math.log(2**1000, 2))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1))
print(math.atan2(1, -1), math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot())
print(math.hypot(1e-320, 3e-320), math.hypot(1e308, 1e308), math.dist((1, 2), (4, 6)), math.dist([0], [-3]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([]), math.fsum(range(10)), math.fsum([math.inf, 1]))
print(math.copysign(1, -0.0), math.fabs(-3), math.fmod(-5, 3), math.fmod(5, -3), math.remainder(5, 3))
print(math.modf(-3.5), math.modf(2.0), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.ldexp(1, -1075))
print(math.isfinite(1), math.isinf(-math.inf), math.isnan(math.nan), math.isclose(1, 1 + 1e-10),
      math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.gamma(0.5), math.gamma(5), math.gamma(-1.5), math.lgamma(10.5), math.lgamma(-2.5), math.erf(0.5), math.erfc(0.5))
print(math.nextafter(1, 2), math.nextafter(0, -1), math.ulp(1.0), math.ulp(0.0), math.cbrt(27), math.pow(2, 0.5))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(5), math.ceil(True), math.floor(1e300) > 0)
print(math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(1, math.nan), math.pow(math.nan, 0), math.pow(-8, 3))
bad = ["math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.log(-10**400)", "math.log10(0)", "math.log(1, 1)",
       "math.acos(2)", "math.asin(-2)", "math.exp(1000)", "math.cosh(1000)", "math.pow(0, -1)", "math.pow(-8, 1/3)",
       "math.pow(10, 400)", "math.fmod(1, 0)", "math.fmod(math.inf, 1)", "math.cos(math.inf)", "math.gamma(0)",
       "math.gamma(-1)", "math.gamma(200)", "math.lgamma(0)", "math.atanh(1)", "math.ldexp(1.0, 10**20)",
       "math.ldexp(1.0, 2.0)", "math.floor(math.inf)", "math.ceil(math.nan)", "math.trunc('a')", "math.sqrt('a')",
       "math.fsum([math.inf, -math.inf])", "math.fsum([1e308, 1e308])", "math.dist([1], [1, 2])",
       "math.isclose(1, 2, rel_tol=-1)", "math.sqrt()", "math.pow(1)", "math.log()", "math.remainder(1, 0)",
       "math.hypot('a')", "math.atan2('a', 1)", "math.copysign(1)"]
for b in bad:
    try:
        print(b, "->", eval(b))
    except Exception as e:
        print(b, "!!", type(e).__name__ + ":", e)
