import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keywordTerms } from '../../domain/catalog/search-query';
import { InMemoryProductIndex } from '../../persistence/catalog/search/in-memory-product-index';
import { describeProductSearchBehaviour } from './product-search.behaviour';
import { searchDocument } from './search-documents';

describeProductSearchBehaviour('in-memory index', async () => {
  const index = new InMemoryProductIndex();
  return {
    load: async (docs) => {
      index.clear();
      for (const doc of docs) index.upsert(doc);
    },
    search: { search: async (query) => index.search(query) },
    close: async () => {},
  };
});

describe('in-memory product index', () => {
  const find = (index: InMemoryProductIndex, keyword: string, extra: { limit?: number } = {}) =>
    index.search({ terms: keywordTerms(keyword), sort: 'relevance', limit: extra.limit ?? 50 });
  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  it('replaces a document on upsert: the old text no longer matches, the new one does', () => {
    const index = new InMemoryProductIndex();
    index.upsert(searchDocument({ id: 'a', name: '블루투스 스피커' }));
    assert.deepEqual(ids(find(index, '스피커')), ['a']);
    index.upsert(searchDocument({ id: 'a', name: '무선 마우스' }));
    assert.equal(index.size, 1);
    assert.deepEqual(ids(find(index, '스피커')), []);
    assert.deepEqual(ids(find(index, '블루투수')), [], 'the typo vocabulary forgot the old words');
    assert.deepEqual(ids(find(index, '마우스')), ['a']);
    index.upsert(searchDocument({ id: 'a', name: '무선 마우스', status: 'SUSPENDED' }));
    assert.deepEqual(ids(find(index, '마우스')), []);
    assert.equal(index.search({ terms: [], sort: 'newest', limit: 10 }).total, 0);
  });

  it('removes a document and reuses its slot for the next one', () => {
    const index = new InMemoryProductIndex();
    index.upsert(searchDocument({ id: 'a', name: '제주 감귤' }));
    index.upsert(searchDocument({ id: 'b', name: '제주 한라봉' }));
    index.remove('a');
    index.remove('missing');
    assert.equal(index.size, 1);
    assert.deepEqual(ids(find(index, '제주')), ['b']);
    index.upsert(searchDocument({ id: 'c', name: '성주 참외' }));
    assert.deepEqual(ids(find(index, '감귤')), []);
    assert.deepEqual(ids(find(index, '참외')), ['c']);
  });

  it('ranks exact words above partial words above typos', () => {
    const index = new InMemoryProductIndex();
    index.upsert(searchDocument({ id: 'typo', name: '블루투수 케이블', day: 3 }));
    index.upsert(searchDocument({ id: 'partial', name: '블루투스이어폰', day: 2 }));
    index.upsert(searchDocument({ id: 'exact', name: '블루투스 마우스', day: 1 }));
    assert.deepEqual(ids(find(index, '블루투스')), ['exact', 'partial', 'typo']);
    assert.deepEqual(ids(find(index, '블루투스이어폰')), ['partial']);
  });

  it('matches a parent category through the path, one-character terms and 초성 with digits', () => {
    const index = new InMemoryProductIndex();
    index.upsert(
      searchDocument({ id: 'a', name: '아이폰 15 케이스', category: 'phoneAccessory', options: ['L'] }),
    );
    index.upsert(searchDocument({ id: 'b', name: '감귤', category: 'fruit' }));
    const digital = index.search({ terms: [], categoryIds: ['cat-digital'], sort: 'newest', limit: 10 });
    assert.deepEqual(ids(digital), ['a']);
    assert.deepEqual(ids(find(index, 'l')), ['a']);
    assert.deepEqual(ids(find(index, 'ㅇㅇㅍ15')), []);
    assert.deepEqual(ids(find(index, 'ㅇㅇㅍ')), ['a']);
  });

  it('pages a large index by every sort without repeats or gaps, and rebuilds stale postings', () => {
    const index = new InMemoryProductIndex();
    const words = ['반팔', '티셔츠', '블루투스', '이어폰', '감귤', '무선', '충전기', '케이스'];
    for (let i = 0; i < 3000; i++) {
      index.upsert(
        searchDocument({
          id: `p${String(i).padStart(5, '0')}`,
          name: `${words[i % 8]} ${words[(i * 3) % 8]} ${i}`,
          price: 1000 * (i % 37),
          popularity: i % 11,
          day: i % 50,
          category: i % 2 ? 'tshirt' : 'earphone',
        }),
      );
    }
    for (let i = 0; i < 3000; i += 3) {
      index.upsert(
        searchDocument({ id: `p${String(i).padStart(5, '0')}`, name: `다른 상품 ${i}`, day: i % 50 }),
      );
    }
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc', 'popular'] as const) {
      const query = { terms: sort === 'relevance' ? ['반팔'] : [], sort, categoryIds: ['cat-tshirt'] };
      const whole = index.search({ ...query, limit: 3000 });
      const walked: string[] = [];
      let after = undefined as Parameters<typeof index.search>[0]['after'];
      do {
        const page = index.search({ ...query, limit: 97, after });
        walked.push(...ids(page));
        after = page.nextCursor ?? undefined;
      } while (after);
      assert.equal(new Set(walked).size, walked.length, sort);
      assert.deepEqual(walked, ids(whole), sort);
      assert.equal(whole.total, walked.length, sort);
    }
  });

  it('keeps every list order, count and facets right after a few changes, as a fresh index would', () => {
    const doc = (i: number, changed = false) =>
      searchDocument({
        id: `p${String(i).padStart(4, '0')}`,
        name: `상품 ${i}`,
        price: 1000 * ((i * 7) % 13) + (changed ? 500 : 0),
        popularity: changed ? 1000 - i : i % 5,
        day: changed ? 100 + i : i % 20,
        status: changed && i % 3 === 0 ? 'SUSPENDED' : 'ON_SALE',
      });
    const index = new InMemoryProductIndex();
    for (let i = 0; i < 300; i++) index.upsert(doc(i));
    const sorts = ['newest', 'price_asc', 'price_desc', 'popular'] as const;
    for (const sort of sorts) index.search({ terms: [], sort, limit: 5 });
    for (const i of [3, 10, 11, 150, 299]) index.upsert(doc(i, true));
    index.remove('p0007');
    const fresh = new InMemoryProductIndex();
    for (let i = 0; i < 300; i++) if (i !== 7) fresh.upsert(doc(i, [3, 10, 11, 150, 299].includes(i)));
    for (const sort of sorts) {
      const page = index.search({ terms: [], sort, limit: 300 });
      assert.deepEqual(ids(page), ids(fresh.search({ terms: [], sort, limit: 300 })), sort);
      assert.equal(page.total, 297, sort);
      assert.deepEqual(page.facets, fresh.search({ terms: [], sort, limit: 1 }).facets, sort);
    }
  });
});
