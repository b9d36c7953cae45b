# input() with no stdin: the prompt is written, then EOFError.
import sys
try:
    line = input("prompt> ")
except EOFError as e:
    print()
    print("EOFError", e)
print(sys.stdin.readline() == "", sys.stdin.read() == "")
print(sys.stdin.name, sys.stdin.mode, sys.stdin.readable())
for line in sys.stdin:
    print("never", line)
print("done")
