# Output on stdout and stderr before an uncaught exception.
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stderr.write("raw stderr write\n")
raise RuntimeError("final failure")
