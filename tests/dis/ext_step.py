# i++ / i-- statements (pyrite's extension): the code of `i += 1` / `i -= 1`.
def steps(i, obj, seq, k):
    i++
    i--
    obj.count++
    seq[k]--
    return i

n = 0
n++
