# Integer math: gcd, lcm, factorial, comb, perm, prod, fsum.
import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 8), math.gcd(2 ** 100, 6 ** 50), math.gcd())
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm())
print(math.factorial(0), math.factorial(10), math.factorial(30))
print(math.comb(10, 3), math.comb(52, 5), math.perm(5, 2), math.perm(5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
