def f():
    s = "éé"; global s
