# until loops (pyrite's extension): one conditional jump at the top, the
# test repeated at the bottom as for `while`.
def count_up(i, n):
    until i >= n:
        i = i + 1
    return i

def with_else(xs):
    until not xs:
        x = xs.pop()
        if x is None:
            break
        if x < 0:
            continue
        print(x)
    else:
        print('drained')

until done():
    step()
