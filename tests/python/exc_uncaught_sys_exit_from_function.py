# sys.exit inside nested calls, caught once and re-raised with another code.
import sys
def inner():
    sys.exit(2)
try:
    inner()
except SystemExit as e:
    print("caught SystemExit", e.code)
def outer():
    try:
        inner()
    finally:
        print("cleanup in outer")
outer()
