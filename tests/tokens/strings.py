a = 'x'
b = "y"
c = '''tri
ple'''
d = r'\n'
e = b'\x00ab'
f = 'a' 'b' "c"
g = '\n\t\x41\u00e9\U0001F600\101'
h = u'uni'
i = Rb'raw'
j = 'é ü'
k = '\q'
l = 'line\
cont'
