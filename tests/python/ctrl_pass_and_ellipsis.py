# pass, ... as statements, and empty bodies.
def nothing():
    pass
def stub():
    ...
class Empty:
    pass
print(nothing(), stub(), Empty.__name__)
for i in range(3):
    pass
print(i)
print(..., Ellipsis, type(...).__name__, ... is Ellipsis)
while False:
    pass
if True:
    pass
else:
    ...
print("end")
