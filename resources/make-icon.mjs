#!/usr/bin/env node
// Draws resources/icon.png (512×512): a red rounded square with a white ballot box and a ballot going in.
// Plain Node (zlib), so the icon can be regenerated anywhere: node resources/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 512;
const px = Buffer.alloc(N * N * 4);
const RED = [200, 32, 40, 255];
const WHITE = [255, 255, 255, 255];
const GOLD = [255, 214, 64, 255];

function set(x, y, c) {
  const i = (y * N + x) * 4;
  px[i] = c[0]; px[i + 1] = c[1]; px[i + 2] = c[2]; px[i + 3] = c[3];
}
function roundedRect(x0, y0, x1, y1, r, c) {
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const dx = Math.max(x0 + r - x, 0, x - (x1 - r - 1));
      const dy = Math.max(y0 + r - y, 0, y - (y1 - r - 1));
      if (dx * dx + dy * dy <= r * r) set(x, y, c);
    }
  }
}
roundedRect(16, 16, 496, 496, 88, RED);
roundedRect(104, 236, 408, 420, 20, WHITE); // the box
roundedRect(176, 252, 336, 270, 8, RED); // its slot
roundedRect(196, 92, 316, 262, 10, GOLD); // the ballot going in
for (let k = 0; k < 3; k++) roundedRect(214, 120 + k * 34, 298, 132 + k * 34, 5, RED); // lines on the ballot

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
