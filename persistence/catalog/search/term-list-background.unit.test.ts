import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keywordTerms, type ProductSearchQuery } from '../../../domain/catalog/search-query';
import { generatedSpec, searchDocument, type DocumentSpec } from '../../../test/search/search-documents';
import { InMemoryProductIndex } from './in-memory-product-index';
import { buildWantedLists } from './term-list-warmup';

const NAMES = ['블루투스 이어폰', '무선 블루투스 스피커', '제주 감귤', '반팔티셔츠', '무선이어폰 케이스'];
const QUERIES = ['블루투', '무선 이어', '감귤', '블루투수 스피커', 'ㅂㄹㅌㅅ', '반팔티', '이어폰 블랙'];

const spec = generatedSpec(NAMES);

const query = (keywords: string, sort: ProductSearchQuery['sort']): ProductSearchQuery => ({
  terms: keywordTerms(keywords),
  sort,
  limit: 30,
});

function indexOf(specs: DocumentSpec[]): InMemoryProductIndex {
  const index = new InMemoryProductIndex();
  for (const one of specs) index.upsert(searchDocument(one));
  return index;
}

/** Every query by two sorts: each term is searched twice, which asks for its match list. */
const answers = (index: InMemoryProductIndex) =>
  QUERIES.flatMap((keywords) => [
    index.search(query(keywords, 'relevance')),
    index.search(query(keywords, 'price_asc')),
  ]);
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('in-memory index: match lists of the terms searched again, built off the request path', () => {
  it('leaves the search to the postings, then answers from the lists built in the background exactly as before', async () => {
    const specs = Array.from({ length: 600 }, (_, i) => spec(i));
    const index = indexOf(specs);
    const held = index.memoryEstimate();
    const first = answers(index);
    assert.equal(index.wantsLists, true, 'terms searched twice wait for their lists');
    assert.equal(index.memoryEstimate(), held, 'no list was built by the searches themselves');
    assert.deepEqual(first, answers(indexOf(specs)));

    const built = await buildWantedLists(index);
    assert.ok(built >= 8, `${built} lists built`);
    assert.equal(index.wantsLists, false);
    assert.ok(index.memoryEstimate() > held, 'the lists are held');
    const fromLists = QUERIES.flatMap((keywords) => [
      indexOf(specs).search(query(keywords, 'popular')),
      index.search(query(keywords, 'popular')),
    ]);
    for (let i = 0; i < fromLists.length; i += 2) assert.deepEqual(fromLists[i + 1], fromLists[i]);
    assert.ok(
      first.some((page) => page.total > 50),
      'the queries match many products',
    );
  });

  it('lets requests run between its slices', async () => {
    const index = indexOf(Array.from({ length: 600 }, (_, i) => spec(i)));
    answers(index);
    let done = false;
    const building = buildWantedLists(index, { sliceMs: 0 }).then(() => (done = true));
    await nextTurn();
    assert.equal(done, false);
    await building;
    assert.equal(done, true);
  });

  it('drops a list whose build a change overtook, so searches see the change', async () => {
    const specs = Array.from({ length: 600 }, (_, i) => spec(i));
    const index = indexOf(specs);
    answers(index);
    const building = buildWantedLists(index, { sliceMs: 0 });
    for (let turn = 0; turn < 12; turn++) {
      await nextTurn();
      const i = turn * 41;
      specs[i] = spec(i, 1);
      index.upsert(searchDocument(specs[i]!));
    }
    await building;
    index.remove(specs[3]!.id);
    specs.splice(3, 1);
    answers(index);
    await buildWantedLists(index);
    assert.deepEqual(answers(index), answers(indexOf(specs)));
  });

  it('stops once the search is stopped, leaving the terms to the postings', async () => {
    const specs = Array.from({ length: 600 }, (_, i) => spec(i));
    const index = indexOf(specs);
    answers(index);
    assert.equal(await buildWantedLists(index, { sliceMs: 0, stopped: () => true }), 0);
    assert.deepEqual(answers(index), answers(indexOf(specs)));
  });
});
