# Helper module (not a test program): module-level state and a print at import time.
print("mod_counter imported")
count = 0


def bump():
    global count
    count += 1
    return count


def _private():
    return "private"
