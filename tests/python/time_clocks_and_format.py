# time: clock types and monotonicity, sleep, and UTC calendar functions.
import time
t0, p0, m0 = time.time(), time.perf_counter(), time.monotonic()
n0 = time.perf_counter_ns()
time.sleep(0.02)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.015, time.monotonic() > m0)
print(type(time.time_ns()).__name__, time.perf_counter_ns() > n0)
print(type(time.process_time()).__name__, time.process_time() >= 0)
st = time.gmtime(0)
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_wday, st.tm_yday)
print(st)
print(tuple(time.gmtime(1700000000)))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1234567890)))
print(time.strftime("%a %A %b %B %j %p %I %y %%", time.gmtime(951782400)))
print(time.asctime(time.gmtime(86400 * 400)))
print(time.gmtime(1e9)[:6])
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError", e)
