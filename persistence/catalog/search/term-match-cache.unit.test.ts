import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keywordTerms, type ProductSearchQuery } from '../../../domain/catalog/search-query';
import { searchDocument, type DocumentSpec } from '../../../test/search/search-documents';
import { InMemoryProductIndex } from './in-memory-product-index';
import { buildWantedLists } from './term-list-warmup';

/** Catalogue words run together in varied ways, so terms match in names, descriptions and options. */
const NAMES = ['블루투스 이어폰', '무선 블루투스 스피커', '제주 감귤', '반팔티셔츠', '무선이어폰 케이스'];
const DESCRIPTIONS = ['블루투스 지원', '선물용 감귤', '', '무선 충전'];
const QUERIES = [
  '블루투스',
  '무선 이어폰',
  '감귤',
  '블루투수 스피커',
  'ㅂㄹㅌㅅ',
  '반팔티',
  '무선',
  '이어폰 블랙',
];

function spec(i: number, round = 0): DocumentSpec {
  return {
    id: `p${String(i).padStart(4, '0')}`,
    name: `${NAMES[(i + round) % NAMES.length]} ${i}`,
    description: DESCRIPTIONS[(i * 3 + round) % DESCRIPTIONS.length],
    options: i % 3 === 0 ? ['블랙'] : ['화이트'],
    price: 1000 + ((i * 37) % 50) * 1000,
    status: (i + round) % 17 === 0 ? 'SUSPENDED' : 'ON_SALE',
    day: i % 40,
  };
}

const query = (keywords: string, sort: ProductSearchQuery['sort'] = 'relevance'): ProductSearchQuery => ({
  terms: keywordTerms(keywords),
  sort,
  limit: 30,
});

/**
 * Every query by two sorts, which asks for the lists of its terms; then, once they are built in
 * the background, again by a third sort (from the lists).
 */
async function answers(index: InMemoryProductIndex) {
  const first = QUERIES.flatMap((keywords) => [
    index.search(query(keywords)),
    index.search(query(keywords, 'price_asc')),
  ]);
  await buildWantedLists(index);
  return [...first, ...QUERIES.map((keywords) => index.search(query(keywords, 'price_desc')))];
}

/** A fresh index holding the same documents, which has listed no term yet. */
function fresh(specs: DocumentSpec[]): InMemoryProductIndex {
  const index = new InMemoryProductIndex();
  for (const one of specs) index.upsert(searchDocument(one));
  return index;
}

describe('in-memory index: terms searched again answer from their match lists', () => {
  it('gives the same pages, counts and facets as an index searching the postings', async () => {
    const specs = Array.from({ length: 300 }, (_, i) => spec(i));
    const index = fresh(specs);
    const first = await answers(index);
    assert.deepEqual(await answers(index), first);
    assert.deepEqual(await answers(fresh(specs)), first);
    assert.ok(
      first.some((page) => page.total > 20),
      'the queries match many products',
    );
  });

  it('sees renames, suspensions, removals and new typo corrections made after the lists were built', async () => {
    const specs = Array.from({ length: 300 }, (_, i) => spec(i));
    // Holds 블루투즈 inside a longer word only, so 블루투즈 is not yet a word of the catalogue.
    specs.push({ id: 'p9998', name: '블루투즈케이스 스피커' });
    const index = fresh(specs);
    await answers(index);
    for (let i = 0; i < 40; i++) {
      specs[i * 7] = spec(i * 7, 1);
      index.upsert(searchDocument(specs[i * 7]!));
    }
    index.remove(specs[5]!.id);
    specs.splice(5, 1);
    // 블루투즈 becomes a word, one edit from 블루투수: the typo term now matches both products.
    specs.push({ id: 'p9999', name: '블루투즈 스피커' });
    index.upsert(searchDocument(specs.at(-1)!));
    const now = await answers(index);
    assert.deepEqual(now, await answers(fresh(specs)));
    for (const id of ['p9998', 'p9999'])
      assert.ok(now.some((page) => page.items.some((item) => item.id === id)));
  });

  it('stays right after more changes than it follows one by one', async () => {
    const specs = Array.from({ length: 600 }, (_, i) => spec(i));
    const index = fresh(specs);
    await answers(index);
    for (let i = 0; i < specs.length; i++) {
      specs[i] = spec(i, 2);
      index.upsert(searchDocument(specs[i]!));
    }
    assert.deepEqual(await answers(index), await answers(fresh(specs)));
  });
});

describe('in-memory index: a query asked again pages through its matches sorted once', () => {
  it('walks the same items by cursor as one large page of an index that never saw the query', () => {
    const specs = Array.from({ length: 900 }, (_, i) => spec(i));
    const index = fresh(specs);
    for (const sort of ['relevance', 'price_asc', 'price_desc', 'newest', 'popular'] as const) {
      const whole = fresh(specs).search({ ...query('무선', sort), limit: 1000 });
      assert.ok(whole.total > 300, 'enough matches to be sorted');
      const walked: string[] = [];
      let after: ProductSearchQuery['after'];
      for (let page = 0; page < 100; page++) {
        const got = index.search({ ...query('무선', sort), limit: 25, after });
        assert.equal(got.total, whole.total);
        walked.push(...got.items.map((item) => item.id));
        if (!got.nextCursor) break;
        after = got.nextCursor;
      }
      assert.deepEqual(
        walked,
        whole.items.map((item) => item.id),
      );
    }
  });
});
