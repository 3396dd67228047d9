import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keywordTerms, type ProductSearchQuery } from '../../../domain/catalog/search-query';
import { generatedSpec, searchDocument, type DocumentSpec } from '../../../test/search/search-documents';
import { InMemoryProductIndex } from './in-memory-product-index';
import { warmTermLists } from './term-list-warmup';

const NAMES = [
  '블루투스 이어폰',
  '무선 블루투스 스피커',
  '제주 감귤',
  '반팔티셔츠',
  '무선이어폰 케이스',
  '면 티셔츠',
];
const QUERIES = ['블루투스', '무선', '이어폰', '감귤', '면', '무선 이어폰', '블루투수', 'ㅂㄹㅌㅅ', '티셔츠'];

const spec = generatedSpec(NAMES);

const query = (keywords: string): ProductSearchQuery => ({
  terms: keywordTerms(keywords),
  sort: 'relevance',
  limit: 30,
});

function indexOf(specs: DocumentSpec[]): InMemoryProductIndex {
  const index = new InMemoryProductIndex();
  for (const one of specs) index.upsert(searchDocument(one));
  return index;
}

const answers = (index: InMemoryProductIndex) => QUERIES.map((keywords) => index.search(query(keywords)));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('in-memory index: match lists of the common words built in the background', () => {
  it('lists the frequent name words and answers exactly as an index that listed nothing', async () => {
    const specs = Array.from({ length: 600 }, (_, i) => spec(i));
    const index = indexOf(specs);
    const report = await warmTermLists(index, { words: 8 });
    assert.equal(report.words, 8);
    assert.ok(report.entries >= 600, `lists hold ${report.entries} entries`);
    assert.deepEqual(answers(index), answers(indexOf(specs)));
  });

  it('lets other work run between its slices', async () => {
    const index = indexOf(Array.from({ length: 600 }, (_, i) => spec(i)));
    let done = false;
    const warming = warmTermLists(index, { sliceMs: 0 }).then(() => (done = true));
    await nextTurn();
    assert.equal(done, false);
    await warming;
  });

  it('drops a list whose build a change overtook, so searches see the change', async () => {
    const specs = Array.from({ length: 600 }, (_, i) => spec(i));
    const index = indexOf(specs);
    const warming = warmTermLists(index, { sliceMs: 0 });
    for (let turn = 0; turn < 12; turn++) {
      await nextTurn();
      const i = turn * 41;
      specs[i] = spec(i, 1);
      index.upsert(searchDocument(specs[i]!));
    }
    await warming;
    assert.deepEqual(answers(index), answers(indexOf(specs)));
  });

  it('stops early once the search is stopped', async () => {
    const index = indexOf(Array.from({ length: 600 }, (_, i) => spec(i)));
    const report = await warmTermLists(index, { sliceMs: 0, stopped: () => true });
    assert.equal(report.words, 0);
    assert.equal(index.search(query('블루투스')).total > 0, true);
  });
});
