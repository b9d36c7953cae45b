# Uncaught TypeError from calling None.
handler = None
def dispatch(h, value):
    return h(value)
dispatch(handler, 5)
