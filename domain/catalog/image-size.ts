import { CatalogErrorCode, invalidField } from './catalog-errors';
import type { ImageType } from './image-type';

/**
 * The most pixels an image may declare. A decoder (a thumbnailer, the buyer's phone) allocates about
 * 4 bytes a pixel: 40 MP is 160 MB, above any phone camera's 12–24 MP output yet far from the 1.6 GB
 * a tiny 40000×40000 PNG would demand. See docs/security.md (images).
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

export interface ImageSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2);
const tag = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

/** PNG: the first chunk must be IHDR (width, height as 32-bit big-endian). */
function pngSize(b: Uint8Array): ImageSize | null {
  if (b.byteLength < 24 || tag(b, 12) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** GIF: the logical screen; frames are drawn inside it. */
function gifSize(b: Uint8Array): ImageSize | null {
  return b.byteLength < 10 ? null : { width: u16le(b, 6), height: u16le(b, 8) };
}

/** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size). */
function webpSize(b: Uint8Array): ImageSize | null {
  if (b.byteLength < 30) return null;
  switch (tag(b, 12)) {
    case 'VP8 ':
      if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
      return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
    case 'VP8L': {
      if (b[20] !== 0x2f) return null;
      const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
    default:
      return null;
  }
}

const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: walks the marker segments to the first start-of-frame (height, then width). */
function jpegSize(b: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 4 <= b.byteLength) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null;
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker))
      return at + 9 <= b.byteLength ? { height: u16be(b, at + 5), width: u16be(b, at + 7) } : null;
    at += 2 + length;
  }
  return null;
}

export function readImageSize(bytes: Uint8Array, type: ImageType): ImageSize | null {
  switch (type.extension) {
    case 'png':
      return pngSize(bytes);
    case 'gif':
      return gifSize(bytes);
    case 'webp':
      return webpSize(bytes);
    case 'jpg':
      return jpegSize(bytes);
  }
}

/** Refuses an image whose header cannot be read or that would decode to more than MAX_IMAGE_PIXELS. */
export function acceptImageSize(bytes: Uint8Array, type: ImageType, field = 'body.file'): ImageSize {
  const size = readImageSize(bytes, type);
  if (!size || size.width === 0 || size.height === 0) {
    throw invalidField(
      field,
      `the ${type.extension.toUpperCase()} header is damaged: no image size`,
      CatalogErrorCode.UNSUPPORTED_IMAGE_TYPE,
    );
  }
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw invalidField(
      field,
      `an image is at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels; this one declares ${size.width}×${size.height}`,
      CatalogErrorCode.IMAGE_TOO_MANY_PIXELS,
    );
  }
  return size;
}
