# sys.get/set_int_max_str_digits: the limit on decimal int/str conversions.
import sys
print(sys.get_int_max_str_digits())
for v in [100, 640, 0, -1, 'a']:
    try:
        sys.set_int_max_str_digits(v)
        print('ok', v, sys.get_int_max_str_digits())
    except Exception as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=700)
print(sys.get_int_max_str_digits())
try:
    int('1' * 701)
except ValueError as e:
    print(e)
print(len(str(10 ** 699)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)), int('7' * 9000) % 1000)
