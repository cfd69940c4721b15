#!/usr/bin/env bash
# Regenerate assets/fonts/NotoSansSC-Briefdesk.otf, the bundled Simplified
# Chinese font subset used by Briefdesk when the system has no CJK fonts.
#
# Source: Debian package fonts-noto-cjk,
#   /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc, face index 2
#   ("Noto Sans CJK SC").
# Coverage: every code point in U+0000..U+FFFF that encodes in GB2312,
#   U+3000-U+303F, U+FF00-U+FFEF, a few arrows/shapes, and every character
#   >= U+2E80 found in seeds/*.txt.
#
# Usage: assets/fonts/make-subset.sh   (needs root or sudo only if the
#        Debian package or fonttools still has to be installed)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
SRC_FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
FONT_NUMBER=2
OUT="$SCRIPT_DIR/NotoSansSC-Briefdesk.otf"
EXPECTED_PKG_VERSION="1:20220127+repack1-1"
PYTHON="${PYTHON:-python3}"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- 1. dependencies -------------------------------------------------------
if [ ! -f "$SRC_FONT" ]; then
    echo "Installing fonts-noto-cjk ..."
    as_root apt-get update
    as_root apt-get install -y fonts-noto-cjk
fi
PKG_VERSION="$(dpkg-query -W -f='${Version}' fonts-noto-cjk 2>/dev/null || echo unknown)"
echo "fonts-noto-cjk version: $PKG_VERSION"
if [ "$PKG_VERSION" != "$EXPECTED_PKG_VERSION" ]; then
    echo "WARNING: expected fonts-noto-cjk $EXPECTED_PKG_VERSION; output may differ" >&2
fi

if ! "$PYTHON" -c 'import fontTools.subset' 2>/dev/null; then
    echo "Installing fonttools ..."
    "$PYTHON" -m pip install fonttools
fi
echo "fonttools version: $("$PYTHON" -c 'import fontTools; print(fontTools.version)')"
if command -v pyftsubset >/dev/null 2>&1; then
    PYFTSUBSET=(pyftsubset)
else
    PYFTSUBSET=("$PYTHON" -m fontTools.subset)   # same tool as pyftsubset
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
UNICODES="$WORK/unicodes.txt"

# --- 2. code point list ----------------------------------------------------
"$PYTHON" - "$REPO_ROOT" "$UNICODES" <<'PY'
import glob, os, sys
repo, out = sys.argv[1], sys.argv[2]
cps = set()
for cp in range(0x10000):                       # all of GB2312
    try:
        chr(cp).encode("gb2312")
    except UnicodeEncodeError:
        continue
    cps.add(cp)
cps.update(range(0x3000, 0x3040))               # CJK symbols & punctuation
cps.update(range(0xFF00, 0xFFF0))               # halfwidth & fullwidth forms
cps.update(ord(c) for c in "↑↓←→▲▼●○■□★✓✗·•")   # arrows / shapes
for path in sorted(glob.glob(os.path.join(repo, "seeds", "*.txt"))):
    with open(path, encoding="utf-8") as f:
        cps.update(ord(c) for c in f.read() if ord(c) >= 0x2E80)
with open(out, "w") as f:
    for cp in sorted(cps):
        f.write("U+%04X\n" % cp)
print("requested code points:", len(cps))
PY

"${PYFTSUBSET[@]}" "$SRC_FONT" \
    --font-number="$FONT_NUMBER" \
    --unicodes-file="$UNICODES" \
    --no-hinting \
    --desubroutinize \
    --output-file="$OUT"

# --- 3. verify -------------------------------------------------------------
"$PYTHON" - "$REPO_ROOT" "$OUT" "$UNICODES" "$SRC_FONT" "$FONT_NUMBER" <<'PY'
import glob, os, sys
from fontTools.ttLib import TTFont
repo, out, unicodes, src, num = sys.argv[1:6]
font = TTFont(out)
cmap = font.getBestCmap()
seed = set()
for path in sorted(glob.glob(os.path.join(repo, "seeds", "*.txt"))):
    with open(path, encoding="utf-8") as f:
        seed.update(c for c in f.read() if ord(c) >= 0x2E80)
missing = sorted(c for c in seed if ord(c) not in cmap)
print("format:", "CFF/OpenType" if "CFF " in font else "TrueType")
print("seed CJK characters:", len(seed))
print("seed CJK characters missing:", len(missing), "".join(missing))
requested = {int(l[2:], 16) for l in open(unicodes) if l.strip()}
src_cmap = TTFont(src, fontNumber=int(num)).getBestCmap()
absent = sorted(cp for cp in requested if cp not in src_cmap)
print("requested code points:", len(requested),
      "| not in source font (cannot be included):", len(absent))
print("code points in output cmap:", len(cmap))
print("glyphs in output:", len(font.getGlyphOrder()))
print("file:", out)
print("size (bytes):", os.path.getsize(out))
if missing:
    sys.exit("ERROR: seed CJK characters missing from subset")
lost = sorted(cp for cp in requested if cp in src_cmap and cp not in cmap)
if lost:
    sys.exit("ERROR: %d requested code points present in source but not in output" % len(lost))
PY
