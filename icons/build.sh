#!/usr/bin/env sh
# Regenerates every raster icon from faro.svg. Needs rsvg-convert (librsvg2-bin), ImageMagick
# (convert) and, for the macOS .icns, png2icns (icnsutils). Run from anywhere: ./icons/build.sh
set -eu
cd "$(dirname "$0")"

# 16 and 32 px come from a simplified drawing: the full one's thin tower blurs away at that size.
for size in 16 32; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio faro-small.svg --output "faro-$size.png"
done
for size in 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio faro.svg --output "faro-$size.png"
done

# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
convert faro-16.png faro-32.png faro-48.png faro-64.png faro-128.png faro-256.png faro.ico

# macOS: png2icns takes the sizes it knows (16, 32, 48, 128, 256, 512).
if command -v png2icns >/dev/null 2>&1; then
  png2icns faro.icns faro-16.png faro-32.png faro-48.png faro-128.png faro-256.png faro-512.png >/dev/null
else
  echo "png2icns not found (apt-get install icnsutils): faro.icns not rebuilt" >&2
fi
