import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exifWithGps, gif, jpeg, png, pngChunk, webp } from '../../test/support/images';
import { stripImageMetadata } from './image-metadata';
import { acceptImageSize, MAX_IMAGE_PIXELS, readImageSize } from './image-size';
import { sniffImageType, type ImageType } from './image-type';

const typeOf = (bytes: Uint8Array): ImageType => sniffImageType(bytes)!;
const contains = (haystack: Uint8Array, needle: string | number[]) =>
  Buffer.from(haystack).includes(
    typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle),
  );
const refusal = (code: string) => (error: unknown) => (error as { code?: string }).code === code;

describe('image size from the header', () => {
  test('PNG IHDR, JPEG SOF, WebP VP8X and GIF screen are read without decoding', () => {
    for (const bytes of [png(640, 480), jpeg(640, 480), webp(640, 480), gif(640, 480)])
      assert.deepEqual(readImageSize(bytes, typeOf(bytes)), { width: 640, height: 480 });
  });

  test('a tiny file declaring 40000×40000 pixels is refused; 40 MP passes', () => {
    for (const bytes of [png(40000, 40000), jpeg(40000, 40000), webp(40000, 40000), gif(65535, 65535)])
      assert.throws(() => acceptImageSize(bytes, typeOf(bytes)), refusal('IMAGE_TOO_MANY_PIXELS'));
    assert.equal(MAX_IMAGE_PIXELS, 40_000_000);
    assert.doesNotThrow(() => acceptImageSize(png(8000, 5000), typeOf(png(1, 1))));
  });

  test('a header without a size is refused as damaged', () => {
    const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]);
    assert.throws(() => acceptImageSize(noFrame, typeOf(noFrame)), refusal('UNSUPPORTED_IMAGE_TYPE'));
    const zero = png(0, 10);
    assert.throws(() => acceptImageSize(zero, typeOf(zero)), refusal('UNSUPPORTED_IMAGE_TYPE'));
  });
});

describe('metadata stripping', () => {
  test('a JPEG loses its EXIF (GPS) and comments but keeps the orientation and every other byte', () => {
    const plain = jpeg(64, 48);
    const tagged = jpeg(64, 48, { exif: exifWithGps(6), comment: 'shot at home' });
    const clean = stripImageMetadata(tagged, typeOf(tagged))!;
    assert.ok(contains(tagged, 'GPS-37.5665N'));
    assert.ok(!contains(clean, 'GPS-37.5665N'));
    assert.ok(!contains(clean, [0x88, 0x25]), 'the GPS IFD pointer tag is gone');
    assert.ok(!contains(clean, 'shot at home'));
    assert.ok(contains(clean, [0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6]), 'orientation 6 kept');
    assert.deepEqual(readImageSize(clean, typeOf(clean)), { width: 64, height: 48 });
    assert.ok(
      Buffer.from(clean).subarray(-70).equals(Buffer.from(tagged).subarray(-70)),
      'scan data untouched',
    );
    assert.ok(
      Buffer.from(stripImageMetadata(plain, typeOf(plain))!).equals(plain),
      'nothing to strip: same bytes',
    );
  });

  test('a PNG loses tEXt, iTXt, zTXt, eXIf and tIME chunks', () => {
    const meta = ['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME'].map((type) =>
      pngChunk(type, Buffer.from(`${type}-secret`)),
    );
    const tagged = png(10, 10, meta);
    const clean = stripImageMetadata(tagged, typeOf(tagged))!;
    assert.ok(!contains(clean, '-secret'));
    const plain = png(10, 10);
    assert.ok(
      Buffer.from(stripImageMetadata(plain, typeOf(plain))!).equals(plain),
      'nothing to strip: same bytes',
    );
    assert.equal(clean.byteLength, tagged.byteLength - meta.reduce((n, c) => n + c.length, 0));
  });

  test('a WebP loses its EXIF and XMP chunks and stops announcing them', () => {
    const tagged = webp(10, 10, { exif: exifWithGps(1), xmp: '<x:xmpmeta>gps</x:xmpmeta>' });
    const clean = Buffer.from(stripImageMetadata(tagged, typeOf(tagged))!);
    assert.ok(!contains(clean, 'GPS-37.5665N') && !contains(clean, 'xmpmeta'));
    assert.equal(clean[20]! & 0x0c, 0, 'VP8X flags cleared');
    assert.equal(clean.readUInt32LE(4), clean.length - 8, 'RIFF size matches');
    assert.deepEqual(readImageSize(clean, typeOf(clean)), { width: 10, height: 10 });
  });

  test('a damaged container is reported, not passed through', () => {
    const cut = png(10, 10).subarray(0, 40);
    assert.equal(stripImageMetadata(cut, typeOf(cut)), null);
    const truncated = jpeg(10, 10).subarray(0, 30);
    assert.equal(stripImageMetadata(truncated, typeOf(truncated)), null);
  });
});
