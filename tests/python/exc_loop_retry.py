# Exceptions in loops: retrying, collecting errors, continuing after failure.
values = ["1", "x", "3", "", "5.5", "7"]
parsed, errors = [], []
for v in values:
    try:
        parsed.append(int(v))
    except ValueError as e:
        errors.append(str(e))
        continue
    finally:
        pass
print(parsed)
for e in errors:
    print(e)
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError("try again %d" % attempts)
    return "ok after %d" % attempts
while True:
    try:
        print(flaky())
        break
    except ConnectionError as e:
        print("retry:", e)
