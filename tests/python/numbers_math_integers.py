# math's integer functions: factorial, gcd, lcm, isqrt, comb, perm, prod.
import math
print([math.factorial(n) for n in range(12)], math.factorial(30), len(str(math.factorial(1000))))
print(math.gcd(), math.gcd(12), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(2**100, 6**50), math.gcd(12, 18, 27))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 0), math.lcm(-4, 6), math.lcm(2**64, 3**40))
print([math.isqrt(n) for n in [0, 1, 3, 4, 15, 16, 99]], math.isqrt(10**40 + 1), math.isqrt(2**127), math.isqrt(True))
print(math.comb(5, 2), math.comb(5, 7), math.comb(50, 25), math.comb(10**3, 3), math.comb(7, 0))
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(3, 5), math.perm(20, None), math.perm(30, 10))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 21)), math.prod([2, 3], start=10))
print(math.prod(["ab", 3]), math.prod([[1], 2]))
bad = ["math.factorial(-1)", "math.factorial(1.5)", "math.factorial(10**20)", "math.factorial('5')",
       "math.gcd(1.5)", "math.gcd(1, 'a')", "math.lcm(2.0)", "math.isqrt(-1)", "math.isqrt(2.0)",
       "math.comb(-1, 2)", "math.comb(5, -2)", "math.comb(1.5, 1)", "math.comb(10**20, 10**19)",
       "math.perm(-3)", "math.perm(3, -1)", "math.perm(1, 2, 3)", "math.perm()", "math.prod(5)"]
for b in bad:
    try:
        print(b, "->", eval(b))
    except Exception as e:
        print(b, "!!", type(e).__name__ + ":", e)
