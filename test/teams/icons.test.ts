import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { appPackageDir, iconErrors, onlyWhiteOrTransparent } from '../../src/teams/app-package.js';
import { accentColor, drawColorIcon, drawOutlineIcon } from '../../src/teams/icons.js';
import { decodePng, encodePng, paeth, type RgbaImage } from '../../src/teams/png.js';

const committed = (name: string) => readFile(resolve(appPackageDir, name));

/** The PNG of `image` with every row stored under PNG row filter `filter` (1-4), as editors save. */
function filteredPng(image: RgbaImage, filter: number): Buffer {
  const stride = image.width * 4;
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : (image.pixels[y * stride + x] ?? 0));
  const rows = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    rows[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const [left, up, upLeft] = [at(x - 4, y), at(x, y - 1), at(x - 4, y - 1)];
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
      rows[y * (stride + 1) + 1 + x] = (at(x, y) - predicted) & 0xff;
    }
  }
  const plain = encodePng(image);
  // Swap the IDAT of the plain encoding for the filtered rows; the other chunks stay.
  const idat = plain.indexOf('IDAT') - 4;
  const body = deflateSync(rows);
  const chunk = Buffer.alloc(12 + body.length);
  chunk.writeUInt32BE(body.length, 0);
  chunk.write('IDAT', 4, 'latin1');
  body.copy(chunk, 8);
  const iend = plain.indexOf('IEND') - 4;
  return Buffer.concat([plain.subarray(0, idat), chunk, plain.subarray(iend)]);
}

describe('the Teams icons', () => {
  it('color.png is 192x192 and drawn on the accent colour', async () => {
    const image = decodePng(await committed('color.png'));
    assert.deepEqual([image.width, image.height], [192, 192]);
    const corner = [...image.pixels.subarray(0, 4)];
    const accent = [1, 3, 5].map((at) => Number.parseInt(accentColor.slice(at, at + 2), 16));
    assert.deepEqual(corner, [...accent, 255]);
  });

  it('outline.png is 32x32, white on transparent, and shows something', async () => {
    const image = decodePng(await committed('outline.png'));
    assert.deepEqual([image.width, image.height], [32, 32]);
    assert.ok(onlyWhiteOrTransparent(image.pixels));
    const opaque = image.pixels.filter((_, i) => i % 4 === 3 && image.pixels[i] === 255).length;
    assert.ok(opaque > 100, `${opaque} opaque pixels`);
    assert.deepEqual(iconErrors(await committed('color.png'), await committed('outline.png')), []);
  });

  it('the committed PNGs are exactly what npm run teams:icons draws', async () => {
    assert.ok((await committed('color.png')).equals(encodePng(drawColorIcon())));
    assert.ok((await committed('outline.png')).equals(encodePng(drawOutlineIcon())));
  });

  it('packaging refuses icons of the wrong size or an outline with colour', async () => {
    const color = await committed('color.png');
    const outline = await committed('outline.png');
    assert.deepEqual(iconErrors(outline, color), [
      'color.png: must be 192x192 pixels, is 32x32',
      'outline.png: must be 32x32 pixels, is 192x192',
      'outline.png: every pixel must be white or fully transparent',
    ]);
    assert.deepEqual(iconErrors(Buffer.from('GIF89a'), outline), ['color.png: not a PNG file']);
  });

  it('reads PNGs saved with any of the row filters', () => {
    const image = drawOutlineIcon();
    for (const filter of [1, 2, 3, 4]) {
      assert.deepEqual(decodePng(filteredPng(image, filter)), image, `filter ${filter}`);
    }
  });
});
