#!/usr/bin/env python3
"""Builds icons/pgdesk.icns from the PNGs in icons/.

An ICNS file is the magic 'icns' and the total length (big-endian 32-bit), then one chunk per image:
a four-letter type, the chunk length including its 8-byte header, and a PNG. Usage: python3 packaging/icns.py
"""
import pathlib
import struct

ICONS = pathlib.Path(__file__).resolve().parent.parent / "icons"
# Chunk types that hold PNG data, by pixel size (the @2x 'retina' types reuse the larger PNGs).
CHUNKS = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
          ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]


def main():
    body = b""
    for kind, size in CHUNKS:
        png = (ICONS / f"pgdesk-{size}.png").read_bytes()
        body += kind.encode("ascii") + struct.pack(">I", len(png) + 8) + png
    (ICONS / "pgdesk.icns").write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)


if __name__ == "__main__":
    main()
