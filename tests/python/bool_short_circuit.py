# and/or return an operand and skip evaluation of the right side when possible.
log = []
def t(x):
    log.append(x)
    return x
print(t(0) and t(1), log)
log.clear()
print(t(2) and t(3), log)
log.clear()
print(t(0) or t(4), log)
log.clear()
print(t(5) or t(6), log)
log.clear()
print(t("") or t([]) or t("last"), log)
print(None or 0 or "x", 1 and 2 and 3, [] and 1)
print(not 0, not [1], not "", not None)
