# Real program: a binary search tree with insert, search, delete, traversals and height.
class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

class BST:
    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
        else:
            cur = self.root
            while True:
                if key == cur.key:
                    return False
                side = "left" if key < cur.key else "right"
                nxt = getattr(cur, side)
                if nxt is None:
                    setattr(cur, side, Node(key))
                    break
                cur = nxt
        self.count += 1
        return True

    def __contains__(self, key):
        cur = self.root
        while cur:
            if key == cur.key:
                return True
            cur = cur.left if key < cur.key else cur.right
        return False

    def inorder(self, node="root"):
        node = self.root if node == "root" else node
        if node:
            yield from self.inorder(node.left)
            yield node.key
            yield from self.inorder(node.right)

    def preorder(self):
        stack = [self.root] if self.root else []
        while stack:
            n = stack.pop()
            yield n.key
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)

    def levels(self):
        out, layer = [], [self.root] if self.root else []
        while layer:
            out.append([n.key for n in layer])
            layer = [c for n in layer for c in (n.left, n.right) if c]
        return out

    def height(self, node="root"):
        node = self.root if node == "root" else node
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))

    def delete(self, key):
        def remove(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = remove(node.left, key)
            elif key > node.key:
                node.right = remove(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key = succ.key
                node.right = remove(node.right, succ.key)
            return node
        self.root = remove(self.root, key)
        self.count -= 1

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
    t.insert(k)
print(t.count, list(t.inorder()), list(t.preorder()))
print(t.levels(), t.height())
print(45 in t, 55 in t)
for k in [20, 30, 50]:
    t.delete(k)
    print("deleted", k, list(t.inorder()), t.levels())
try:
    t.delete(999)
except KeyError as e:
    print("KeyError", e)
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w)
print(words.count, list(words.inorder()), words.height())
