import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EsError, badRequest, indexNotFound } from './errors';
import { FakeIndex } from './fake-index';
import { search } from './search';

/**
 * A protocol-level fake of an Elasticsearch 9 node for tests (see README.md here): the REST endpoints
 * the products adapter and `search:reindex` call, answering with Elasticsearch's documented bodies,
 * status codes and the `X-Elastic-Product: Elasticsearch` header the official client checks on every
 * success. Analysis follows the index settings it receives, except that nori is APPROXIMATED by
 * whitespace/punctuation splitting + lowercase (analysis.ts). Not a search engine: tens of thousands
 * of documents at most, one shard, no replicas.
 */
type Json = Record<string, unknown>;

export interface EsFakeFaults {
  /** The next requests (one entry each, in order) answer this error instead of being served. */
  failRequests: { status: number; type: string; reason?: string }[];
  /** The next N items of `_bulk` requests are refused with 429 es_rejected_execution_exception. */
  rejectBulkItems: number;
  /** Every request waits this long before it is served (to provoke client timeouts). */
  delayMs: number;
  /** Every index-level request answers 404 index_not_found_exception. */
  indexMissing: boolean;
}

const NO_FAULTS: EsFakeFaults = { failRequests: [], rejectBulkItems: 0, delayMs: 0, indexMissing: false };

export interface EsFake {
  url: string;
  faults: EsFakeFaults;
  setFaults(faults: Partial<EsFakeFaults>): void;
  /** Method, path, query string and body of every request served, in order (controls excluded). */
  requests: { method: string; path: string; query: string; body: string }[];
  indices: Map<string, FakeIndex>;
  aliases: Map<string, Set<string>>;
  reset(): void;
  close(): Promise<void>;
}

class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
  ) {}
}

export async function startEsFake(): Promise<EsFake> {
  const indices = new Map<string, FakeIndex>();
  const aliases = new Map<string, Set<string>>();
  const requests: EsFake['requests'] = [];
  let faults: EsFakeFaults = structuredClone(NO_FAULTS);

  const resolve = (name: string): FakeIndex[] => {
    if (faults.indexMissing) throw indexNotFound(name);
    const direct = indices.get(name);
    if (direct) return [direct];
    const targets = aliases.get(name);
    if (targets && targets.size > 0) return [...targets].map((target) => indices.get(target)!);
    throw indexNotFound(name);
  };
  const writeTarget = (name: string): FakeIndex => {
    const targets = resolve(name);
    if (targets.length > 1)
      throw badRequest(
        'illegal_argument_exception',
        `no write index is defined for alias [${name}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index`,
      );
    return targets[0]!;
  };
  const refreshParam = (query: URLSearchParams, targets: FakeIndex[]) => {
    const refresh = query.get('refresh');
    if (refresh === '' || refresh === 'true' || refresh === 'wait_for')
      targets.forEach((index) => index.refresh());
  };

  function bulk(path: string[], query: URLSearchParams, text: string): Reply {
    const lines = text.split('\n').filter((line) => line.trim().length > 0);
    const items: Json[] = [];
    const touched = new Set<FakeIndex>();
    for (let i = 0; i < lines.length; i++) {
      let action: Json;
      try {
        action = JSON.parse(lines[i]!) as Json;
      } catch {
        throw badRequest('x_content_parse_exception', `[1:1] Malformed action/metadata line [${i + 1}]`);
      }
      const [op, meta] = Object.entries(action)[0] as [string, Json];
      if (!['index', 'create', 'delete'].includes(op))
        throw badRequest(
          'illegal_argument_exception',
          `Malformed action/metadata line [${i + 1}], unknown action [${op}]`,
        );
      const source = op === 'delete' ? undefined : (JSON.parse(lines[++i] ?? 'null') as Json);
      const id = String(meta._id ?? `auto-${Math.random().toString(36).slice(2)}`);
      const target = String(meta._index ?? path[0] ?? '');
      const item = (status: number, extra: Json) =>
        items.push({ [op]: { _index: target, _id: id, status, ...extra } });
      if (faults.rejectBulkItems > 0) {
        faults.rejectBulkItems--;
        item(429, {
          error: {
            type: 'es_rejected_execution_exception',
            reason: 'rejected execution of coordinating operation [shard_detail=[products][0]]',
          },
        });
        continue;
      }
      try {
        const index = writeTarget(target);
        touched.add(index);
        if (op === 'delete') {
          const found = index.delete(id);
          item(found ? 200 : 404, { result: found ? 'deleted' : 'not_found', _index: index.name });
        } else {
          if (op === 'create' && index.docs.has(id))
            throw new EsError(
              409,
              'version_conflict_engine_exception',
              `[${id}]: version conflict, document already exists`,
            );
          const external = meta.version_type === 'external' || meta.version_type === 'external_gte';
          const existed = index.docs.has(id);
          const doc = index.put(id, source ?? {}, external ? Number(meta.version) : undefined);
          item(existed ? 200 : 201, {
            result: existed ? 'updated' : 'created',
            _version: doc.version,
            _index: index.name,
          });
        }
      } catch (error) {
        if (!(error instanceof EsError)) throw error;
        item(error.status, { error: { type: error.type, reason: error.reason, ...error.extra } });
      }
    }
    refreshParam(query, [...touched]);
    return new Reply(200, {
      took: 1,
      errors: items.some((item) => 'error' in (Object.values(item)[0] as Json)),
      items,
    });
  }

  function aliasActions(body: Json): Reply {
    const actions = (body.actions as Json[] | undefined) ?? [];
    // Validate every action first, then apply them all: `_aliases` is atomic.
    const parsed = actions.map((action) => {
      const [op, spec] = Object.entries(action)[0] as [string, Json];
      if (op !== 'add' && op !== 'remove')
        throw badRequest('illegal_argument_exception', `unsupported alias action [${op}]`);
      const index = String(spec.index);
      const alias = String(spec.alias);
      if (!indices.has(index)) throw indexNotFound(index);
      if (op === 'add' && indices.has(alias))
        throw badRequest(
          'invalid_alias_name_exception',
          `Invalid alias name [${alias}]: an index or data stream exists with the same name as the alias`,
        );
      if (op === 'remove' && !aliases.get(alias)?.has(index))
        throw new EsError(404, 'aliases_not_found_exception', `aliases [${alias}] missing`);
      return { op, index, alias };
    });
    for (const { op, index, alias } of parsed) {
      const targets = aliases.get(alias) ?? new Set<string>();
      if (op === 'add') targets.add(index);
      else targets.delete(index);
      if (targets.size > 0) aliases.set(alias, targets);
      else aliases.delete(alias);
    }
    return new Reply(200, { acknowledged: true, errors: false });
  }

  function getAlias(name: string, head: boolean): Reply {
    const targets = aliases.get(name);
    if (!targets || targets.size === 0)
      return head ? new Reply(404) : new Reply(404, { error: `alias [${name}] missing`, status: 404 });
    return new Reply(
      200,
      Object.fromEntries([...targets].map((index) => [index, { aliases: { [name]: {} } }])),
    );
  }

  function route(method: string, path: string[], query: URLSearchParams, text: string): Reply {
    const json = () => (text ? (JSON.parse(text) as Json) : {});
    const [first, second] = path;
    if (!first) {
      if (method === 'GET' || method === 'HEAD')
        return new Reply(200, {
          name: 'es-fake',
          cluster_name: 'jangteo-test',
          cluster_uuid: 'fake',
          version: {
            number: '9.4.1',
            build_flavor: 'default',
            lucene_version: '10.3.0',
            minimum_wire_compatibility_version: '8.19.0',
            minimum_index_compatibility_version: '8.0.0',
          },
          tagline: 'You Know, for Search',
        });
    }
    if (first === '_bulk' || second === '_bulk') return bulk(first === '_bulk' ? [] : [first!], query, text);
    if (first === '_aliases' && method === 'POST') return aliasActions(json());
    if (first === '_alias' && second) return getAlias(second, method === 'HEAD');
    if (second === '_alias' && path[2]) return getAlias(path[2], method === 'HEAD');
    if (first === '_refresh' || second === '_refresh') {
      const targets = first === '_refresh' ? [...indices.values()] : resolve(first!);
      targets.forEach((index) => index.refresh());
      return new Reply(200, { _shards: { total: targets.length, successful: targets.length, failed: 0 } });
    }
    if (second === '_search' && (method === 'POST' || method === 'GET')) {
      const targets = resolve(first!);
      if (targets.length !== 1)
        throw badRequest('illegal_argument_exception', 'the fake searches one index at a time');
      return new Reply(200, search(targets[0]!, json()));
    }
    if (second === '_count') {
      const targets = resolve(first!);
      return new Reply(200, { count: targets.reduce((sum, index) => sum + index.visible.size, 0) });
    }
    if (second === '_settings' && method === 'PUT') {
      resolve(first!).forEach((index) => index.updateSettings(json()));
      return new Reply(200, { acknowledged: true });
    }
    if (first && !first.startsWith('_') && !second) {
      if (method === 'HEAD') {
        if (faults.indexMissing) return new Reply(404);
        return new Reply(indices.has(first) || aliases.has(first) ? 200 : 404);
      }
      if (method === 'PUT') {
        if (faults.indexMissing) throw indexNotFound(first);
        if (indices.has(first) || aliases.has(first))
          throw badRequest('resource_already_exists_exception', `index [${first}/fake] already exists`);
        const body = json();
        indices.set(first, new FakeIndex(first, body.settings as Json, body.mappings as Json));
        return new Reply(200, { acknowledged: true, shards_acknowledged: true, index: first });
      }
      if (method === 'DELETE') {
        const index = indices.get(first);
        if (!index || faults.indexMissing) throw indexNotFound(first);
        index.close();
        indices.delete(first);
        for (const [alias, targets] of aliases) {
          targets.delete(first);
          if (targets.size === 0) aliases.delete(alias);
        }
        return new Reply(200, { acknowledged: true });
      }
    }
    throw badRequest(
      'illegal_argument_exception',
      `request [${method} /${path.join('/')}] is not supported by the fake`,
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = request.method ?? 'GET';
    const send = (status: number, body?: unknown) => {
      response.writeHead(status, {
        'x-elastic-product': 'Elasticsearch',
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/vnd.elasticsearch+json;compatible-with=9' }),
      });
      response.end(body === undefined || method === 'HEAD' ? undefined : JSON.stringify(body));
    };
    if (url.pathname.startsWith('/__fake/')) {
      if (url.pathname === '/__fake/faults' && method === 'POST')
        fake.setFaults(JSON.parse(text || '{}') as Partial<EsFakeFaults>);
      if (url.pathname === '/__fake/reset') fake.reset();
      return send(200, faults);
    }
    requests.push({ method, path: url.pathname, query: url.search, body: text });
    if (faults.delayMs > 0) await new Promise((done) => setTimeout(done, faults.delayMs));
    const failure = faults.failRequests.shift();
    if (failure) {
      const error = new EsError(failure.status, failure.type, failure.reason ?? failure.type);
      return send(error.status, error.body());
    }
    try {
      const path = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const reply = route(method, path, url.searchParams, text);
      send(reply.status, reply.body);
    } catch (error) {
      if (error instanceof EsError) return send(error.status, error.body());
      if (error instanceof SyntaxError) {
        const parse = badRequest('parsing_exception', `failed to parse request body: ${error.message}`);
        return send(400, parse.body());
      }
      send(500, { error: { type: 'exception', reason: String(error) }, status: 500 });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;

  const fake: EsFake = {
    url: `http://127.0.0.1:${port}`,
    get faults() {
      return faults;
    },
    setFaults(next) {
      faults = { ...faults, ...structuredClone(next) };
    },
    requests,
    indices,
    aliases,
    reset() {
      for (const index of indices.values()) index.close();
      indices.clear();
      aliases.clear();
      requests.length = 0;
      faults = structuredClone(NO_FAULTS);
    },
    close: () =>
      new Promise<void>((done) => {
        for (const index of indices.values()) index.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
  return fake;
}
