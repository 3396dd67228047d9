import { badRequest } from './errors';
import type { FakeIndex, StoredDoc } from './fake-index';

/**
 * `_search` of the fake: the query DSL subset the adapter uses (bool must/should/filter/must_not
 * with minimum_should_match, match with operator/fuzziness/boost, fuzzy, term, terms, range,
 * match_all), BM25 scoring per field (k1 1.2, b 0.75; deterministic, not Lucene's exact numbers),
 * sort with search_after, track_total_hits, and the terms / range / top_hits aggregations.
 */
type Json = Record<string, unknown>;
type Scores = Map<string, number>;

const K1 = 1.2;
const B = 0.75;

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return false;
  // Damerau-Levenshtein (optimal string alignment): Elasticsearch counts a transposition as one edit.
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[x.length]![y.length]! <= max;
}

function fuzzinessOf(value: unknown, term: string): number {
  if (value === undefined) return 0;
  if (String(value).toUpperCase() === 'AUTO') {
    const length = [...term].length;
    return length <= 2 ? 0 : length <= 5 ? 1 : 2;
  }
  return Number(value);
}

class Evaluator {
  constructor(private readonly index: FakeIndex) {}

  private get all(): StoredDoc[] {
    return [...this.index.visible.values()];
  }

  private field(path: string) {
    const field = this.index.fields.get(path);
    if (!field) return undefined;
    return field;
  }

  /** BM25 of one indexed term in one field, per document containing it. */
  private termScores(path: string, token: string, boost: number): Scores {
    const stats = this.index.stats.get(path);
    const scores: Scores = new Map();
    const perDoc = stats?.postings.get(token);
    if (!stats || !perDoc) return scores;
    const idf = Math.log(1 + (stats.docCount - perDoc.size + 0.5) / (perDoc.size + 0.5));
    for (const [id, tf] of perDoc) {
      const length = this.index.visible.get(id)!.tokens.get(path)!.length;
      const norm = tf + K1 * (1 - B + (B * length) / (stats.averageLength || 1));
      scores.set(id, boost * idf * ((tf * (K1 + 1)) / norm));
    }
    return scores;
  }

  /** Documents matching one query token, exactly or within `fuzziness` edits (best variant's score). */
  private tokenScores(
    path: string,
    token: string,
    fuzziness: number,
    prefixLength: number,
    boost: number,
  ): Scores {
    if (fuzziness === 0) return this.termScores(path, token, boost);
    const stats = this.index.stats.get(path);
    const merged: Scores = new Map();
    const prefix = [...token].slice(0, prefixLength).join('');
    for (const indexed of stats?.postings.keys() ?? []) {
      if (!indexed.startsWith(prefix) || !editDistanceAtMost(indexed, token, fuzziness)) continue;
      const weight = indexed === token ? 1 : 1 - 1 / Math.max([...token].length, 2);
      for (const [id, score] of this.termScores(path, indexed, boost * weight))
        merged.set(id, Math.max(merged.get(id) ?? 0, score));
    }
    return merged;
  }

  private match(body: Json): Scores {
    const [path, raw] = Object.entries(body)[0] ?? [];
    if (!path) throw badRequest('parsing_exception', '[match] query malformed, no field specified');
    const spec = (typeof raw === 'object' && raw !== null ? raw : { query: raw }) as Json;
    const field = this.field(path);
    if (!field) return new Map();
    const boost = Number(spec.boost ?? 1);
    const queryText = String(spec.query);
    if (field.type !== 'text') return this.term({ [path]: { value: queryText, boost } });
    const tokens = [...new Set(field.searchAnalyzer!(queryText))];
    if (tokens.length === 0) return new Map();
    const fuzziness = (token: string) => fuzzinessOf(spec.fuzziness, token);
    const perToken = tokens.map((token) =>
      this.tokenScores(path, token, fuzziness(token), Number(spec.prefix_length ?? 0), boost),
    );
    const operator = String(spec.operator ?? 'or').toLowerCase();
    const required =
      operator === 'and' ? tokens.length : minimumShouldMatch(spec.minimum_should_match, tokens.length, 1);
    const counts = new Map<string, number>();
    const scores: Scores = new Map();
    for (const result of perToken)
      for (const [id, score] of result) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
        scores.set(id, (scores.get(id) ?? 0) + score);
      }
    for (const [id, count] of counts) if (count < required) scores.delete(id);
    return scores;
  }

  private fuzzy(body: Json): Scores {
    const [path, raw] = Object.entries(body)[0]!;
    const spec = (typeof raw === 'object' && raw !== null ? raw : { value: raw }) as Json;
    const value = String(spec.value);
    return this.tokenScores(
      path,
      value,
      fuzzinessOf(spec.fuzziness ?? 'AUTO', value),
      Number(spec.prefix_length ?? 0),
      Number(spec.boost ?? 1),
    );
  }

  private values(doc: StoredDoc, path: string): (string | number | boolean)[] {
    return doc.values.get(path) ?? [];
  }

  private term(body: Json): Scores {
    const [path, raw] = Object.entries(body)[0]!;
    const spec = (typeof raw === 'object' && raw !== null ? raw : { value: raw }) as Json;
    return this.filterDocs(
      (doc) => this.values(doc, path).some((value) => String(value) === String(spec.value)),
      Number(spec.boost ?? 1),
    );
  }

  private terms(body: Json): Scores {
    const [path, list] = Object.entries(body).find(([key]) => key !== 'boost')!;
    const wanted = new Set((list as unknown[]).map(String));
    return this.filterDocs(
      (doc) => this.values(doc, path).some((value) => wanted.has(String(value))),
      Number(body.boost ?? 1),
    );
  }

  private range(body: Json): Scores {
    const [path, raw] = Object.entries(body)[0]!;
    const spec = raw as Json;
    const bound = (value: unknown) => (typeof value === 'number' ? value : Date.parse(String(value)));
    return this.filterDocs((doc) =>
      this.values(doc, path).some((value) => {
        const number = Number(value);
        if (spec.gte !== undefined && !(number >= bound(spec.gte))) return false;
        if (spec.gt !== undefined && !(number > bound(spec.gt))) return false;
        if (spec.lte !== undefined && !(number <= bound(spec.lte))) return false;
        if (spec.lt !== undefined && !(number < bound(spec.lt))) return false;
        return true;
      }),
    );
  }

  private filterDocs(test: (doc: StoredDoc) => boolean, score = 1): Scores {
    return new Map(this.all.filter(test).map((doc) => [doc.id, score]));
  }

  private bool(body: Json): Scores {
    const list = (key: string) => {
      const value = body[key];
      return value === undefined ? [] : Array.isArray(value) ? (value as Json[]) : [value as Json];
    };
    const must = list('must').map((query) => this.evaluate(query));
    const filter = list('filter').map((query) => this.evaluate(query));
    const mustNot = list('must_not').map((query) => this.evaluate(query));
    const should = list('should').map((query) => this.evaluate(query));
    const required = minimumShouldMatch(
      body.minimum_should_match,
      should.length,
      must.length + filter.length > 0 ? 0 : 1,
    );
    const scores: Scores = new Map();
    for (const doc of this.all) {
      if (![...must, ...filter].every((result) => result.has(doc.id))) continue;
      if (mustNot.some((result) => result.has(doc.id))) continue;
      const matchingShould = should.filter((result) => result.has(doc.id));
      if (matchingShould.length < required) continue;
      let score = 0;
      for (const result of [...must, ...matchingShould]) score += result.get(doc.id)!;
      scores.set(doc.id, score * Number(body.boost ?? 1));
    }
    return scores;
  }

  evaluate(query: Json | undefined): Scores {
    if (!query) return this.filterDocs(() => true);
    const [type, body] = Object.entries(query)[0] ?? [];
    switch (type) {
      case 'match_all':
        return this.filterDocs(() => true, Number((body as Json).boost ?? 1));
      case 'match':
        return this.match(body as Json);
      case 'fuzzy':
        return this.fuzzy(body as Json);
      case 'term':
        return this.term(body as Json);
      case 'terms':
        return this.terms(body as Json);
      case 'range':
        return this.range(body as Json);
      case 'bool':
        return this.bool(body as Json);
      default:
        throw badRequest('parsing_exception', `unknown query [${String(type)}]`);
    }
  }
}

function minimumShouldMatch(value: unknown, clauses: number, fallback: number): number {
  if (value === undefined) return Math.min(fallback, clauses);
  const text = String(value);
  if (text.endsWith('%')) return Math.floor((clauses * Number(text.slice(0, -1))) / 100);
  const number = Number(text);
  return number < 0 ? Math.max(clauses + number, 0) : number;
}

type SortKey = { field: string; order: 'asc' | 'desc' };

function sortKeys(sort: unknown): SortKey[] {
  const list = sort === undefined ? ['_score'] : Array.isArray(sort) ? sort : [sort];
  return list.map((entry) => {
    if (typeof entry === 'string') return { field: entry, order: entry === '_score' ? 'desc' : 'asc' };
    const [field, spec] = Object.entries(entry as Json)[0]!;
    const order =
      typeof spec === 'string' ? spec : String((spec as Json).order ?? (field === '_score' ? 'desc' : 'asc'));
    if (order !== 'asc' && order !== 'desc')
      throw badRequest('parsing_exception', `[sort] unknown order [${order}]`);
    return { field, order };
  });
}

function compareValues(a: unknown, b: unknown, order: 'asc' | 'desc'): number {
  // Missing values sort last in either direction (Elasticsearch's default `missing: _last`).
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1;
  if (b === undefined || b === null) return -1;
  const base =
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a) < String(b)
        ? -1
        : String(a) > String(b)
          ? 1
          : 0;
  return order === 'asc' ? base : -base;
}

function pickSource(source: Json, spec: unknown): Json | undefined {
  if (spec === false) return undefined;
  const includes = Array.isArray(spec)
    ? (spec as string[])
    : typeof spec === 'object' && spec !== null
      ? ((spec as Json).includes as string[] | undefined)
      : undefined;
  if (!includes) return source;
  return Object.fromEntries(Object.entries(source).filter(([key]) => includes.includes(key)));
}

interface Hit {
  doc: StoredDoc;
  score: number;
}

function aggregate(index: FakeIndex, hits: Hit[], aggs: Json | undefined): Json | undefined {
  if (!aggs) return undefined;
  const out: Json = {};
  for (const [name, raw] of Object.entries(aggs)) {
    const spec = raw as Json;
    const sub = spec.aggs as Json | undefined;
    if (spec.terms) {
      const terms = spec.terms as Json;
      const field = String(terms.field);
      const groups = new Map<string, Hit[]>();
      for (const hit of hits)
        for (const value of new Set((hit.doc.values.get(field) ?? []).map(String)))
          groups.set(value, [...(groups.get(value) ?? []), hit]);
      const orders = (
        Array.isArray(terms.order)
          ? terms.order
          : terms.order
            ? [terms.order]
            : [{ _count: 'desc' }, { _key: 'asc' }]
      ) as Json[];
      const buckets = [...groups.entries()].sort(([keyA, a], [keyB, b]) => {
        for (const order of orders) {
          const [by, direction] = Object.entries(order)[0]! as [string, 'asc' | 'desc'];
          const result =
            by === '_count'
              ? compareValues(a.length, b.length, direction)
              : compareValues(keyA, keyB, direction);
          if (result !== 0) return result;
        }
        return compareValues(keyA, keyB, 'asc');
      });
      const size = Number(terms.size ?? 10);
      out[name] = {
        doc_count_error_upper_bound: 0,
        sum_other_doc_count: buckets.slice(size).reduce((sum, [, group]) => sum + group.length, 0),
        buckets: buckets
          .slice(0, size)
          .map(([key, group]) => ({ key, doc_count: group.length, ...aggregate(index, group, sub) })),
      };
    } else if (spec.range) {
      const range = spec.range as Json;
      const field = String(range.field);
      out[name] = {
        buckets: (range.ranges as Json[]).map((bucket) => {
          const from = bucket.from as number | undefined;
          const to = bucket.to as number | undefined;
          const group = hits.filter((hit) =>
            (hit.doc.values.get(field) ?? []).some(
              (value) =>
                (from === undefined || Number(value) >= from) && (to === undefined || Number(value) < to),
            ),
          );
          const key =
            bucket.key ??
            `${from === undefined ? '*' : from.toFixed(1)}-${to === undefined ? '*' : to.toFixed(1)}`;
          return {
            key,
            ...(from !== undefined ? { from } : {}),
            ...(to !== undefined ? { to } : {}),
            doc_count: group.length,
            ...aggregate(index, group, sub),
          };
        }),
      };
    } else if (spec.top_hits) {
      const top = spec.top_hits as Json;
      const ordered = [...hits].sort((a, b) => b.score - a.score || compareValues(a.doc.id, b.doc.id, 'asc'));
      out[name] = {
        hits: {
          total: { value: hits.length, relation: 'eq' },
          max_score: ordered[0]?.score ?? null,
          hits: ordered.slice(0, Number(top.size ?? 3)).map((hit) => ({
            _index: index.name,
            _id: hit.doc.id,
            _score: hit.score,
            _source: pickSource(hit.doc.source, top._source),
          })),
        },
      };
    } else
      throw badRequest('parsing_exception', `Unknown aggregation type [${Object.keys(spec)[0] ?? name}]`);
  }
  return out;
}

export function search(index: FakeIndex, body: Json): Json {
  const started = Date.now();
  const scored = new Evaluator(index).evaluate(body.query as Json | undefined);
  const keys = sortKeys(body.sort);
  const sortValues = (hit: Hit) =>
    keys.map((key) => (key.field === '_score' ? hit.score : hit.doc.values.get(key.field)?.[0]));
  const compare = (a: unknown[], b: unknown[]) => {
    for (let i = 0; i < keys.length; i++) {
      const result = compareValues(a[i], b[i], keys[i]!.order);
      if (result !== 0) return result;
    }
    return 0;
  };
  let hits: Hit[] = [...scored].map(([id, score]) => ({
    doc: index.visible.get(id)!,
    score: Math.fround(score),
  }));
  const all = hits;
  hits = [...hits].sort((a, b) => compare(sortValues(a), sortValues(b)));
  const after = body.search_after as unknown[] | undefined;
  if (after) {
    if (after.length !== keys.length)
      throw badRequest(
        'illegal_argument_exception',
        `search_after has ${after.length} value(s) but sort has ${keys.length}.`,
      );
    hits = hits.filter((hit) => compare(sortValues(hit), after) > 0);
  }
  const from = Number(body.from ?? 0);
  const size = Number(body.size ?? 10);
  const page = hits.slice(from, from + size);
  const trackTotal = body.track_total_hits;
  const total =
    trackTotal === true || all.length <= 10_000
      ? { value: all.length, relation: 'eq' }
      : { value: 10_000, relation: 'gte' };
  const sortedByScoreOnly = keys.length === 1 && keys[0]!.field === '_score';
  return {
    took: Date.now() - started,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: {
      total,
      max_score: all.length > 0 ? Math.max(...all.map((hit) => hit.score)) : null,
      hits: page.map((hit) => ({
        _index: index.name,
        _id: hit.doc.id,
        _score: hit.score,
        _source: pickSource(hit.doc.source, body._source),
        ...(sortedByScoreOnly && body.sort === undefined ? {} : { sort: sortValues(hit) }),
      })),
    },
    ...(body.aggs || body.aggregations
      ? { aggregations: aggregate(index, all, (body.aggs ?? body.aggregations) as Json) }
      : {}),
  };
}
