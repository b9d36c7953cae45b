# Real program: Conway's Game of Life on a small wrapped board, printing generations.
def step(board):
    h, w = len(board), len(board[0])
    new = []
    for r in range(h):
        row = []
        for c in range(w):
            n = sum(board[(r + dr) % h][(c + dc) % w]
                    for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
            alive = board[r][c]
            row.append(1 if n == 3 or (alive and n == 2) else 0)
        new.append(row)
    return new

def show(board):
    return "\n".join("".join("#" if v else "." for v in row) for row in board)

board = [[0] * 8 for _ in range(8)]
for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]:
    board[r][c] = 1
seen = {}
for gen in range(5):
    print("generation", gen, "population", sum(map(sum, board)))
    print(show(board))
    board = step(board)
for gen in range(5, 40):
    key = tuple(map(tuple, board))
    if key in seen:
        print("repeat of generation", seen[key], "at", gen)
        break
    seen[key] = gen
    board = step(board)
else:
    print("no repeat within 40 generations, population", sum(map(sum, board)))
