# eval() and compile(..., 'eval') report SyntaxError text as given (no
# newline added to an unterminated last line); exec mode adds one.
for src in ['1 1', '1 1\n', '(1 +', 'x = (1 +\n']:
    for mode in ['eval', 'exec']:
        try:
            compile(src, 's', mode)
        except SyntaxError as e:
            print(repr(src), mode, repr(e.text), e.lineno)
try:
    eval("2 2")
except SyntaxError as e:
    print(repr(e.text), e.offset, e.msg)
