import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../shared/domain-error';
import { buildCategoryTree, createCategory } from './category';
import { sniffImageType } from './image-type';
import { changeProduct, createProduct, type NewProductInput } from './product';
import { acceptImage } from './product-image';
import { deriveSaleStatus } from './sale-status';
import { keywordTerms } from './search-query';

let n = 0;
const deps = { newId: () => `id-${++n}`, now: new Date('2025-01-01T00:00:00Z') };
const input = (overrides: Partial<NewProductInput> = {}): NewProductInput => ({
  sellerId: 's1',
  name: '반팔 티셔츠',
  description: '',
  price: 19000,
  categoryId: null,
  options: [
    { name: '색상', values: ['흰색', '검정'] },
    { name: '사이즈', values: ['M', 'L'] },
  ],
  variants: [
    { options: { 사이즈: 'M', 색상: '흰색' }, stock: 3 },
    { options: { 색상: '검정', 사이즈: 'L' }, stock: 0, priceDelta: -1000 },
  ],
  ...overrides,
});
const refusal = (code: string, field: string) => (error: unknown) =>
  error instanceof DomainError &&
  error.code === code &&
  (error.details.errors as { field: string }[])[0]!.field === field;

describe('product rules', () => {
  test('a product with options becomes variants with their own stock and price', () => {
    const { product, initialStock } = createProduct(input(), deps);
    assert.equal(product.status, 'ON_SALE');
    assert.deepEqual(
      product.variants.map((v) => v.options),
      [
        { 사이즈: 'M', 색상: '흰색' },
        { 색상: '검정', 사이즈: 'L' },
      ],
    );
    assert.deepEqual(
      initialStock.map((s) => s.onHand),
      [3, 0],
    );
    assert.equal(
      createProduct(input({ variants: [{ options: { 색상: '흰색', 사이즈: 'M' }, stock: 0 }] }), deps).product
        .status,
      'SOLD_OUT',
    );
  });

  test('names are 1–100 characters as people count them; prices whole won above zero', () => {
    assert.ok(createProduct(input({ name: '😀'.repeat(100) }), deps));
    assert.throws(
      () => createProduct(input({ name: '가'.repeat(101) }), deps),
      refusal('VALIDATION_FAILED', 'body.name'),
    );
    assert.throws(
      () => createProduct(input({ name: '   ' }), deps),
      refusal('VALIDATION_FAILED', 'body.name'),
    );
    assert.throws(() => createProduct(input({ price: 0 }), deps), refusal('VALIDATION_FAILED', 'body.price'));
    assert.throws(
      () => createProduct(input({ price: 10.5 }), deps),
      refusal('VALIDATION_FAILED', 'body.price'),
    );
    assert.throws(
      () =>
        createProduct(
          input({
            price: 1000,
            variants: [{ options: { 색상: '흰색', 사이즈: 'M' }, stock: 1, priceDelta: -1000 }],
          }),
          deps,
        ),
      refusal('VALIDATION_FAILED', 'body.variants.0.priceDelta'),
    );
  });

  test('combinations outside the declared options, duplicates and negative stock are refused', () => {
    assert.throws(
      () => createProduct(input({ variants: [{ options: { 색상: '빨강', 사이즈: 'M' }, stock: 1 }] }), deps),
      refusal('UNKNOWN_OPTION_COMBINATION', 'body.variants.0.options'),
    );
    assert.throws(
      () => createProduct(input({ variants: [{ options: { 색상: '흰색' }, stock: 1 }] }), deps),
      refusal('UNKNOWN_OPTION_COMBINATION', 'body.variants.0.options'),
    );
    assert.throws(
      () =>
        createProduct(
          input({ variants: [{ options: { 색상: '흰색', 사이즈: 'M', 소재: '면' }, stock: 1 }] }),
          deps,
        ),
      refusal('UNKNOWN_OPTION_COMBINATION', 'body.variants.0.options'),
    );
    const twice = { options: { 색상: '흰색', 사이즈: 'M' }, stock: 1 };
    assert.throws(
      () => createProduct(input({ variants: [twice, { ...twice }] }), deps),
      refusal('DUPLICATE_VARIANT', 'body.variants.1.options'),
    );
    assert.throws(
      () => createProduct(input({ variants: [{ options: { 색상: '흰색', 사이즈: 'M' }, stock: -1 }] }), deps),
      refusal('VALIDATION_FAILED', 'body.variants.0.stock'),
    );
  });

  test('status: a suspension wins; otherwise sold out exactly when nothing is sellable', () => {
    assert.equal(deriveSaleStatus(true, true), 'SUSPENDED');
    assert.equal(deriveSaleStatus(false, false), 'SOLD_OUT');
    assert.equal(deriveSaleStatus(false, true), 'ON_SALE');
    const { product } = createProduct(input(), deps);
    const suspended = changeProduct(product, { suspended: true }, true, deps.now);
    assert.equal(suspended.status, 'SUSPENDED');
    assert.equal(changeProduct(suspended, { suspended: false }, false, deps.now).status, 'SOLD_OUT');
  });
});

describe('images', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  test('the type comes from the bytes', () => {
    assert.equal(sniffImageType(png)?.contentType, 'image/png');
    assert.equal(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb]))?.contentType, 'image/jpeg');
    assert.equal(sniffImageType(new TextEncoder().encode('GIF89a....'))?.contentType, 'image/gif');
    assert.equal(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))?.contentType, 'image/webp');
    assert.equal(sniffImageType(new TextEncoder().encode('<html>not an image')), null);
    assert.equal(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WAVE')), null);
  });
  test('count, size and type limits', () => {
    assert.throws(() => acceptImage(png, 10), refusal('TOO_MANY_IMAGES', 'body.file'));
    assert.throws(
      () => acceptImage(new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff), 0),
      refusal('IMAGE_TOO_LARGE', 'body.file'),
    );
    assert.throws(
      () => acceptImage(new TextEncoder().encode('hello'), 0),
      refusal('UNSUPPORTED_IMAGE_TYPE', 'body.file'),
    );
    assert.equal(acceptImage(png, 9).extension, 'png');
  });
});

describe('categories and keywords', () => {
  test('a category path lists its ancestors, so a subtree is a prefix', () => {
    const root = createCategory({ name: '패션', parent: null }, deps);
    const child = createCategory({ name: '신발', parent: root }, deps);
    assert.ok(child.path.startsWith(root.path));
    assert.deepEqual(buildCategoryTree([child, root]), [
      { id: root.id, name: '패션', children: [{ id: child.id, name: '신발', children: [] }] },
    ]);
  });
  test('keywords are normalised terms', () => {
    assert.deepEqual(keywordTerms('  Bluetooth   블루투스 bluetooth '), ['bluetooth', '블루투스']);
    assert.deepEqual(keywordTerms(undefined), []);
  });
});
