// Writes the app icons (public/icons/*.png): the radar mark (red disc, white ring and dot),
// drawn per pixel and encoded as PNG with node's zlib: no image library needed.
// Run: node scripts/make-icons.mjs (the PNGs are committed; the build does not need this).
import { deflateSync } from 'node:zlib'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons')

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

/** size px; `full`: the red fills the square (maskable, safe zone 80 %) instead of a disc. */
function icon(size, full) {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  const c = size / 2
  const scale = full ? 0.8 : 1
  const r = (n) => (n / 64) * size * scale
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c)
      let px = [0, 0, 0, 0]
      const inDisc = full || d <= r(30)
      if (inDisc) px = [0xd9, 0x00, 0x1b, 0xff]
      if (d <= r(7) || (d >= r(15.5) && d <= r(20.5))) px = [0xff, 0xff, 0xff, 0xff]
      const o = y * (size * 4 + 1) + 1 + x * 4
      raw[o] = px[0]
      raw[o + 1] = px[1]
      raw[o + 2] = px[2]
      raw[o + 3] = px[3]
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'icon-192.png'), icon(192, false))
writeFileSync(join(out, 'icon-512.png'), icon(512, false))
writeFileSync(join(out, 'icon-maskable-512.png'), icon(512, true))
writeFileSync(join(out, 'apple-touch-icon.png'), icon(180, true))
console.log('icons written to', out)
