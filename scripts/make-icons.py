"""Draws the add-in's icons (a green score sheet with a check mark) as PNGs, with no image library.
Run once: python3 scripts/make-icons.py; the PNGs in assets/ are committed."""
import struct, zlib

def png(size, path):
    s = size
    def px(x, y):
        # rounded square background
        r = s * 0.18
        inside = True
        for cx, cy in ((r, r), (s - r, r), (r, s - r), (s - r, s - r)):
            if (x < r or x > s - r) and (y < r or y > s - r):
                if (x - cx) ** 2 + (y - cy) ** 2 > r * r and abs(x - cx) < r and abs(y - cy) < r:
                    inside = False
        if not inside:
            return (0, 0, 0, 0)
        # check mark: two thick strokes
        u, v = x / s, y / s
        def near(ax, ay, bx, by, w):
            dx, dy = bx - ax, by - ay
            t = max(0, min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
            return (u - ax - t * dx) ** 2 + (v - ay - t * dy) ** 2 < w * w
        if near(0.25, 0.52, 0.43, 0.70, 0.07) or near(0.43, 0.70, 0.76, 0.32, 0.07):
            return (255, 255, 255, 255)
        return (16, 124, 65, 255)  # Excel green
    raw = b"".join(b"\x00" + b"".join(bytes(px(x + 0.5, y + 0.5)) for x in range(s)) for y in range(s))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", s, s, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

for size in (16, 32, 64, 80, 128):
    png(size, f"assets/icon-{size}.png")
