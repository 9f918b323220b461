import type { RgbaImage } from './png.js';

/**
 * Wayfinder's Teams icons, drawn from code so they are reproducible and exact in size: a compass
 * (a ring and a needle pointing up and right). Teams wants a 192x192 full-colour icon and a
 * 32x32 outline icon that is white on transparent (it tints it itself).
 */

/** The icon background, also the manifest's accentColor. */
export const accentColor = '#2B6E6A';

/** How much of the pixel at normalized (u, v), each in -1..1 and `step` wide, the compass covers. */
function compassCoverage(u: number, v: number, step: number): number {
  let hits = 0;
  const samples = 4;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      const x = u + ((i + 0.5) / samples - 0.5) * step;
      const y = v + ((j + 0.5) / samples - 0.5) * step;
      if (insideCompass(x, y)) hits++;
    }
  }
  return hits / (samples * samples);
}

function insideCompass(x: number, y: number): boolean {
  const r = Math.hypot(x, y);
  if (r >= 0.8 && r <= 0.97) return true;
  // The needle: a thin diamond along the diagonal from bottom left to top right.
  const along = (x + y) / Math.SQRT2;
  const across = (x - y) / Math.SQRT2;
  return Math.abs(along) / 0.66 + Math.abs(across) / 0.2 <= 1;
}

/** Draws `size`x`size` pixels; `paint` turns coverage into RGBA. */
function draw(size: number, symbolScale: number, paint: (coverage: number) => readonly number[]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const step = 2 / size / symbolScale;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const u = ((px + 0.5) / size - 0.5) * 2;
      const v = (0.5 - (py + 0.5) / size) * 2;
      pixels.set(paint(compassCoverage(u / symbolScale, v / symbolScale, step)), (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

const hex = (at: number) => Number.parseInt(accentColor.slice(at, at + 2), 16);

/** The 192x192 colour icon: a white compass on the accent colour, with room around it. */
export function drawColorIcon(): RgbaImage {
  const background = [hex(1), hex(3), hex(5)];
  return draw(192, 0.6, (c) => [...background.map((b) => Math.round(b + (255 - b) * c)), 255]);
}

/** The 32x32 outline icon: only white pixels, their coverage as alpha, the rest transparent. */
export function drawOutlineIcon(): RgbaImage {
  return draw(32, 0.94, (c) => (c === 0 ? [0, 0, 0, 0] : [255, 255, 255, Math.round(255 * c)]));
}
