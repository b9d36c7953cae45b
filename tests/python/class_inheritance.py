# Single inheritance: overriding, calling base methods, isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (squeaky)"
    def kind(self):
        return "puppy, a " + super().kind()
for a in (Animal("generic"), Dog("rex"), Puppy("bit")):
    print(a.speak(), "|", a.kind())
print(isinstance(Puppy("x"), Animal), issubclass(Dog, Puppy), issubclass(Puppy, (int, Dog)))
print(Puppy.__bases__, Puppy.__base__.__name__, Dog.__mro__)
