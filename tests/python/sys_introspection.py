# sys.flags, sys.implementation, sys.version_info fields and sys._getframe.
import sys
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags.debug, sys.flags.inspect, len(sys.flags))
print(sys.flags[3] == sys.flags.optimize, isinstance(sys.flags, tuple))
print(type(sys.implementation).__name__, sys.implementation.version == sys.version_info)
print(sys.version_info.major, sys.version_info.minor >= 0, sys.version_info[:1], type(sys.version_info).__name__)
print(sys.version_info >= (3, 8), tuple(sys.version_info)[:2] == (sys.version_info.major, sys.version_info.minor))

def outer(a):
    b = a * 2
    return inner()

def inner():
    frame = sys._getframe()
    caller = sys._getframe(1)
    return (frame.f_code.co_name, caller.f_code.co_name, caller.f_locals,
            frame.f_back.f_code.co_name, caller.f_globals is globals())

print(outer(21))
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
try:
    sys._getframe(10_000)
except ValueError as e:
    print("ValueError", e)
line = sys._getframe().f_lineno
print(line)
print(type(sys.stdin).__name__, sys.stdin.name, sys.stdin.mode)
