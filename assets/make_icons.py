#!/usr/bin/env python3
"""Draw the 护航汇总 add-in icons: a bureau-blue shield (盾) with a white check mark.

Writes assets/icon-16.png, -32, -64, -80, -128 as RGBA PNGs, using only the standard library (zlib + struct),
anti-aliased by 4x4 supersampling. Run from anywhere: python3 assets/make_icons.py
"""
import math
import os
import struct
import zlib

SIZES = (16, 32, 64, 80, 128)
BLUE = (0x1B, 0x4F, 0x9C)  # bureau blue
DARK = (0x12, 0x37, 0x6E)  # rim
WHITE = (0xFF, 0xFF, 0xFF)
SS = 4  # supersampling per axis


def in_shield(x, y, scale=1.0):
    """Unit-square point (x, y) inside the shield, scaled about its centre (0.5, 0.52)."""
    cx, cy = 0.5, 0.52
    x = cx + (x - cx) / scale
    y = cy + (y - cy) / scale
    half = 0.37
    dx = abs(x - 0.5)
    if dx > half:
        return False
    top = 0.13 - 0.05 * (dx / half) ** 2  # corners at 0.08, centre at 0.13: a gentle dip
    if y < top:
        return False
    if y <= 0.52:
        return True
    t = (y - 0.52) / 0.44
    if t >= 1:
        return False
    return dx <= half * (1 - t ** 1.8) ** 0.85


def dist_to_segment(px, py, ax, ay, bx, by):
    vx, vy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)))
    return math.hypot(px - (ax + t * vx), py - (ay + t * vy))


def in_check(x, y, width):
    a, b, c = (0.31, 0.50), (0.45, 0.65), (0.70, 0.35)
    return min(dist_to_segment(x, y, *a, *b), dist_to_segment(x, y, *b, *c)) <= width / 2


def pixel(size, px, py):
    """Average colour and coverage of one pixel."""
    acc = [0.0, 0.0, 0.0]
    cover = 0
    check_w = 0.13 if size < 48 else 0.10
    for sy in range(SS):
        for sx in range(SS):
            x = (px + (sx + 0.5) / SS) / size
            y = (py + (sy + 0.5) / SS) / size
            if not in_shield(x, y):
                continue
            cover += 1
            if in_check(x, y, check_w):
                col = WHITE
            elif not in_shield(x, y, 0.90):
                col = DARK
            elif size >= 64 and not in_shield(x, y, 0.80) and in_shield(x, y, 0.86):
                col = WHITE  # thin inner ring on the larger icons
            else:
                col = BLUE
            for i in range(3):
                acc[i] += col[i]
    if cover == 0:
        return (0, 0, 0, 0)
    return tuple(round(v / cover) for v in acc) + (round(255 * cover / (SS * SS)),)


def chunk(kind, data):
    body = kind + data
    return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)


def png(size):
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter: none
        for px in range(size):
            rows.extend(pixel(size, px, py))
    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(bytes(rows), 9)) + chunk(b'IEND', b'')


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for size in SIZES:
        path = os.path.join(here, f'icon-{size}.png')
        with open(path, 'wb') as f:
            f.write(png(size))
        print(path)


if __name__ == '__main__':
    main()
