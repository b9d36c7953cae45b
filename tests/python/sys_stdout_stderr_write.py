# sys.stdout.write / sys.stderr.write return the number of characters written.
import sys
n = sys.stdout.write("hello from write\n")
print(n)
m = sys.stderr.write("error stream line\n")
print(m)
sys.stdout.write("no newline, ")
sys.stdout.write("then newline\n")
sys.stderr.write("second stderr line\n")
print("unicode:", sys.stdout.write("héllo\n"))
sys.stdout.flush()
print("print after flush")
