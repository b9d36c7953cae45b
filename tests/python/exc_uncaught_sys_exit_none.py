# sys.exit() and sys.exit(None) exit with status 0 and print nothing more.
import sys
print("clean exit")
sys.exit(None)
