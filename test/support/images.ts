import { randomBytes } from 'node:crypto';

/** Crafted image files: the container structure is real, the pixel data random (nothing decodes them). */

const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);

export function pngChunk(type: string, data: Buffer): Buffer {
  return Buffer.concat([u32be(data.length), Buffer.from(type, 'latin1'), data, u32be(0)]);
}

export function png(width: number, height: number, extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 6, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...extra,
    pngChunk('IDAT', randomBytes(64)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const jpegSegment = (marker: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([0xff, marker]), u16be(payload.length + 2), payload]);

/** EXIF (big-endian TIFF) with IFD0 Orientation and a GPS IFD holding a latitude reference. */
export function exifWithGps(orientation = 6, gpsMarker = 'GPS-37.5665N'): Buffer {
  const ifd0 = Buffer.concat([
    u16be(2),
    Buffer.from([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0]),
    Buffer.from([0x88, 0x25, 0, 4, 0, 0, 0, 1]),
    u32be(38),
    u32be(0),
  ]);
  const gps = Buffer.from(gpsMarker, 'latin1');
  return Buffer.concat([Buffer.from('Exif\0\0MM\0*\0\0\0\x08', 'latin1'), ifd0, gps]);
}

export function jpeg(
  width: number,
  height: number,
  options: { exif?: Buffer; comment?: string } = {},
): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    ...(options.exif ? [jpegSegment(0xe1, options.exif)] : []),
    ...(options.comment ? [jpegSegment(0xfe, Buffer.from(options.comment))] : []),
    jpegSegment(0xdb, Buffer.alloc(65, 1)),
    jpegSegment(
      0xc0,
      Buffer.concat([Buffer.from([8]), u16be(height), u16be(width), Buffer.from([1, 1, 0x11, 0])]),
    ),
    jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    randomBytes(64).map((b) => (b === 0xff ? 0 : b)),
    Buffer.from([0xff, 0xd9]),
  ]);
}

const riffChunk = (fourcc: string, data: Buffer) => {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  return Buffer.concat([
    Buffer.from(fourcc, 'latin1'),
    size,
    data,
    data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0),
  ]);
};

/** An extended WebP (VP8X canvas) with optional EXIF and XMP chunks. */
export function webp(width: number, height: number, meta: { exif?: Buffer; xmp?: string } = {}): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = (meta.exif ? 0x08 : 0) | (meta.xmp ? 0x04 : 0);
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', Buffer.concat([Buffer.from([0x2f]), randomBytes(20)])),
    ...(meta.exif ? [riffChunk('EXIF', meta.exif)] : []),
    ...(meta.xmp ? [riffChunk('XMP ', Buffer.from(meta.xmp))] : []),
  ]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
}

export function gif(width: number, height: number): Buffer {
  const dims = Buffer.alloc(4);
  dims.writeUInt16LE(width, 0);
  dims.writeUInt16LE(height, 2);
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), dims, Buffer.from([0, 0, 0]), Buffer.from([0x3b])]);
}
