try:
    f()
finally:
    cleanup()

def g():
    try:
        return compute()
    finally:
        release()

def loop():
    for x in xs:
        try:
            if x:
                break
            continue
        finally:
            log(x)

try:
    a()
except E as e:
    b()
finally:
    c()
