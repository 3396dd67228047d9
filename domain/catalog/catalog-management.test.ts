import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../shared/domain-error';
import { createCategory, type Category } from './category';
import { moveSubtree } from './category-changes';
import { createProduct } from './product';
import { addVariant, changeVariantPrice, removeVariant } from './product-variants';

let n = 0;
const deps = { newId: () => `id-${++n}`, now: new Date('2025-01-01T00:00:00Z') };
const coded = (code: string, field?: string) => (error: unknown) =>
  error instanceof DomainError &&
  error.code === code &&
  (field === undefined || (error.details.errors as { field: string }[] | undefined)?.[0]?.field === field);

const { product } = createProduct(
  {
    sellerId: 's1',
    name: '후드티',
    description: '',
    price: 30_000,
    categoryId: null,
    options: [
      { name: '색상', values: ['회색'] },
      { name: '사이즈', values: ['M'] },
    ],
    variants: [{ options: { 색상: '회색', 사이즈: 'M' }, stock: 1 }],
  },
  deps,
);

describe('variants after listing', () => {
  test('a new value joins its option; a removed combination comes back with its id', () => {
    const added = addVariant(product, { options: { 색상: ' 남색 ', 사이즈: 'M' }, stock: 2 }, [], deps);
    assert.deepEqual(added.product.options[0]!.values, ['회색', '남색']);
    assert.equal(added.restored, false);
    const back = addVariant(
      product,
      { options: { 색상: '남색', 사이즈: 'M' }, stock: 0 },
      [added.variant],
      deps,
    );
    assert.deepEqual([back.variant.id, back.restored], [added.variant.id, true]);
  });

  test('refuses a new option name, a missing value, a duplicate, a price at or below zero, the last removal', () => {
    assert.throws(
      () => addVariant(product, { options: { 색상: '회색', 사이즈: 'M', 소재: '면' }, stock: 1 }, [], deps),
      coded('UNKNOWN_OPTION_COMBINATION'),
    );
    assert.throws(
      () => addVariant(product, { options: { 색상: '회색' }, stock: 1 }, [], deps),
      coded('UNKNOWN_OPTION_COMBINATION'),
    );
    assert.throws(
      () => addVariant(product, { options: { 사이즈: 'M', 색상: '회색' }, stock: 1 }, [], deps),
      coded('DUPLICATE_VARIANT'),
    );
    const variantId = product.variants[0]!.id;
    assert.throws(
      () => changeVariantPrice(product, variantId, -30_000, deps.now),
      coded('VALIDATION_FAILED', 'body.priceDelta'),
    );
    assert.throws(() => removeVariant(product, variantId, deps.now), coded('LAST_VARIANT'));
  });
});

describe('moving a category', () => {
  const root = createCategory({ name: '의류', parent: null }, deps);
  const child = createCategory({ name: '상의', parent: root }, deps);
  const grandchild = createCategory({ name: '티셔츠', parent: child }, deps);
  const other = createCategory({ name: '기획전', parent: null }, deps);

  test('re-roots the paths and shifts the depths of the whole subtree', () => {
    const moved = moveSubtree([child, grandchild], other);
    const byId = new Map(moved.map((c): [string, Category] => [c.id, c]));
    assert.deepEqual(
      [byId.get(child.id)!.parentId, byId.get(child.id)!.path, byId.get(child.id)!.depth],
      [other.id, `/${other.id}/${child.id}/`, 1],
    );
    assert.deepEqual(
      [byId.get(grandchild.id)!.parentId, byId.get(grandchild.id)!.path, byId.get(grandchild.id)!.depth],
      [child.id, `/${other.id}/${child.id}/${grandchild.id}/`, 2],
    );
    assert.equal(moveSubtree([child, grandchild], null)[1]!.path, `/${child.id}/${grandchild.id}/`);
  });

  test('refuses a move under itself or its own subtree', () => {
    assert.throws(
      () => moveSubtree([root, child, grandchild], grandchild),
      coded('VALIDATION_FAILED', 'body.parentId'),
    );
    assert.throws(() => moveSubtree([child, grandchild], child), coded('VALIDATION_FAILED', 'body.parentId'));
  });
});
