import { CatalogErrorCode, invalidField } from './catalog-errors';
import type { ImageType } from './image-type';

/**
 * Removes metadata from an image without decoding it: camera EXIF (with GPS position, serial
 * numbers, capture time), XMP, IPTC and text comments. Pixels and colour profiles are copied byte for
 * byte; a JPEG keeps only its EXIF orientation so photos still stand upright. GIF carries no EXIF and
 * is stored as sent. Returns null when the container structure is damaged.
 */
export function stripImageMetadata(bytes: Uint8Array, type: ImageType): Uint8Array | null {
  switch (type.extension) {
    case 'jpg':
      return stripJpeg(bytes);
    case 'png':
      return stripPng(bytes);
    case 'webp':
      return stripWebp(bytes);
    case 'gif':
      return bytes;
  }
}

/** Like stripImageMetadata, but refuses a damaged image as the upload's fault. */
export function withoutMetadata(bytes: Uint8Array, type: ImageType, field = 'body.file'): Uint8Array {
  const clean = stripImageMetadata(bytes, type);
  if (!clean)
    throw invalidField(field, 'the image structure is damaged', CatalogErrorCode.UNSUPPORTED_IMAGE_TYPE);
  return clean;
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2);
const u32le = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
const text = (b: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...b.subarray(at, Math.min(b.byteLength, at + length)));

// ---- JPEG: APP0 (JFIF), APP2 ICC_PROFILE and APP14 Adobe are needed to show the image right.
function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xfe) return false;
  if (marker < 0xe0 || marker > 0xef) return true;
  if (marker === 0xe0 || marker === 0xee) return true;
  return marker === 0xe2 && text(payload, 0, 12) === 'ICC_PROFILE\0';
}

/** The EXIF Orientation (tag 0x0112 of IFD0), or undefined. */
function exifOrientation(payload: Uint8Array): number | undefined {
  if (text(payload, 0, 6) !== 'Exif\0\0' || payload.byteLength < 14) return undefined;
  const tiff = payload.subarray(6);
  const little = tiff[0] === 0x49;
  const u16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.byteLength) return undefined;
  for (let i = 0, count = u16(ifd); i < count && ifd + 2 + i * 12 + 12 <= tiff.byteLength; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return undefined;
}

/** An APP1 segment holding only IFD0 with Orientation (big-endian TIFF). */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff, 0, 0, 0, 0];
  const length = payload.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

function stripJpeg(b: Uint8Array): Uint8Array | null {
  const out: Uint8Array[] = [b.subarray(0, 2)];
  let orientation: number | undefined;
  let at = 2;
  while (at + 4 <= b.byteLength) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    if (marker === 0xd9) return null;
    const end = at + 2 + u16be(b, at + 2);
    if (end > b.byteLength || end < at + 4) return null;
    const payload = b.subarray(at + 4, end);
    if (marker === 0xe1) orientation ??= exifOrientation(payload);
    if (marker === 0xda) {
      if (orientation && orientation > 1 && orientation <= 8)
        out.splice(1, 0, orientationSegment(orientation));
      out.push(b.subarray(at));
      return concat(out);
    }
    if (keepJpegSegment(marker, payload)) out.push(b.subarray(at, end));
    at = end;
  }
  return null;
}

// ---- PNG: text chunks, eXIf and the modification time go; everything else is copied.
const PNG_METADATA = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

function stripPng(b: Uint8Array): Uint8Array | null {
  const out: Uint8Array[] = [b.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= b.byteLength) {
    const type = text(b, at + 4, 4);
    const end = at + 12 + u32be(b, at);
    if (end > b.byteLength) return null;
    if (!PNG_METADATA.has(type)) out.push(b.subarray(at, end));
    if (type === 'IEND') return concat(out);
    at = end;
  }
  return null;
}

// ---- WebP: the EXIF and XMP chunks go, and VP8X stops announcing them.
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(b: Uint8Array): Uint8Array | null {
  const out: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= b.byteLength) {
    const fourcc = text(b, at, 4);
    const size = u32le(b, at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > b.byteLength) return null;
    const chunk = Uint8Array.from(b.subarray(at, Math.min(end, b.byteLength)));
    if (fourcc === 'VP8X' && size >= 1) chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
    if (fourcc !== 'EXIF' && fourcc !== 'XMP ') out.push(chunk);
    at = end;
  }
  const body = concat(out);
  const header = Uint8Array.from(b.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.byteLength + 4, true);
  return concat([header, body]);
}
