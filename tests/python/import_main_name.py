# __name__ is "__main__" for the script; modules see their own name.
import mod_geometry
print(__name__)
print(mod_geometry.__name__)
if __name__ == "__main__":
    print("running as a script")
