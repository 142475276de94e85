#!/usr/bin/env python3
"""Make the kiosk's large-glyph Chinese font: assets/unifont-subset.hex.

The assisted mode draws text in large glyphs (src/big_text/). Chinese comes from GNU
Unifont's 16x16 glyphs; the whole font is 3.7 MB of hex, so the kiosk embeds only:

- every GB2312 level-1 hanzi (the 3755 most common characters, rows 0xB0..=0xD7),
- every wide (CJK) character in the kiosk's own text: both locale files, the built-in demo
  catalogue and demo site (assets/), the site configs (kiosk-config/) and the Rust sources
  (src/, but not the large-text renderer itself, whose tests use characters picked for
  having no glyph), so no phrase the kiosk ships with falls back to normal-size text,
- the full-width punctuation U+3000..U+303F and U+FF01..U+FF5E,
- printable ASCII as Unifont's 8x16 glyphs, so Latin and digits in a large line share the
  Chinese glyphs' height and pixel size.

Wide characters are kept only where Unifont draws them 16x16. Output lines are `XXXX:<64 hex digits>`, sorted by code point,
the same format as unifont.hex. Deterministic; standard library only.

Usage (from anywhere):

    python3 scripts/unifont_subset.py
    python3 scripts/unifont_subset.py --unifont /usr/share/unifont/unifont.hex
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "assets" / "unifont-subset.hex"
DEFAULT_UNIFONT = Path("/usr/share/unifont/unifont.hex")
OWN_TESTS = REPO / "src" / "ui" / "big_text"


def gb2312_level1() -> set[str]:
    """The GB2312 level-1 hanzi, decoded cell by cell (a few cells in row 0xD7 are empty)."""
    out = set()
    for row in range(0xB0, 0xD7 + 1):
        for cell in range(0xA1, 0xFE + 1):
            try:
                out.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def strings_in_json(value) -> list[str]:
    """Every string (keys too) in a parsed JSON value, so `\\u` escapes count as well."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings_in_json(v)]]
    if isinstance(value, list):
        return [s for v in value for s in strings_in_json(v)]
    return []


def kiosk_text() -> dict[str, str]:
    """The text of every file the kiosk's wording comes from, by path."""
    files = sorted(
        [
            *REPO.glob("locales/*/kiosk.ftl"),
            *REPO.glob("assets/*.json"),
            *REPO.glob("assets/*.toml"),
            *REPO.glob("kiosk-config/*.toml"),
            *REPO.glob("src/**/*.rs"),
        ]
    )
    # The renderer's own tests hold characters chosen because they have no large glyph.
    files = [p for p in files if OWN_TESTS not in p.parents]
    texts = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            text = "\n".join(strings_in_json(json.loads(text)))
        texts[str(path.relative_to(REPO))] = text
    return texts


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def is_mark(ch: str) -> bool:
    """Combining marks (U+302A..U+302F) sit on a neighbour; a box of their own would be wrong."""
    return unicodedata.category(ch) in ("Mn", "Me")


def load_unifont(path: Path) -> dict[int, str]:
    """Unifont's glyphs by code point: 64 hex digits for 16x16, 32 for 8x16."""
    glyphs = {}
    with path.open(encoding="ascii") as f:
        for line in f:
            code, _, bits = line.strip().partition(":")
            if len(bits) in (32, 64):
                glyphs[int(code, 16)] = bits.upper()
    return glyphs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unifont", type=Path, default=DEFAULT_UNIFONT)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    unifont = load_unifont(args.unifont)

    wanted = gb2312_level1()
    level1 = len(wanted)
    texts = kiosk_text()
    from_text = {ch for text in texts.values() for ch in text if ord(ch) > 0x7F and is_wide(ch)}
    wanted |= from_text
    punct = {chr(c) for c in [*range(0x3000, 0x3040), *range(0xFF01, 0xFF5F)]}
    wanted |= punct
    wanted = {ch for ch in wanted if not is_mark(ch)}

    wide = {c: b for c, b in unifont.items() if len(b) == 64}
    missing = sorted(ch for ch in wanted if ord(ch) not in wide)
    # Kiosk text without a large glyph would fall back to normal size; say so loudly.
    missing_text = [ch for ch in missing if ch in from_text]
    kept = sorted(ord(ch) for ch in wanted if ord(ch) in wide)
    kept = sorted([*kept, *(c for c in range(0x21, 0x7F) if len(unifont.get(c, "")) == 32)])

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="ascii", newline="\n") as f:
        for code in kept:
            f.write(f"{code:04X}:{unifont[code]}\n")

    print(f"GB2312 level 1: {level1} hanzi")
    print(f"kiosk text: {len(from_text)} wide characters in {len(texts)} files, "
          f"{len(from_text - gb2312_level1())} outside level 1")
    print(f"without a 16x16 Unifont glyph: {len(missing)} "
          f"({''.join(missing)!r})")
    print(f"wrote {args.out} : {len(kept)} glyphs, {args.out.stat().st_size} bytes")
    if missing_text:
        print(f"warning: kiosk text without a large glyph: {''.join(missing_text)!r}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
