import { type Analyzer, buildAnalyzers } from './analysis';
import { badRequest, EsError } from './errors';

type Json = Record<string, unknown>;

/** One mapped field (`name`, or a multi-field such as `name.ngram`). */
export interface FieldSpec {
  path: string;
  /** Where the value comes from in `_source` (a multi-field reads its parent's). */
  sourcePath: string;
  type: string;
  analyzer?: Analyzer;
  searchAnalyzer?: Analyzer;
  indexed: boolean;
}

export interface StoredDoc {
  id: string;
  source: Json;
  version: number;
  /** Per text field: its tokens. Per other field: its values (numbers for dates). */
  tokens: Map<string, string[]>;
  values: Map<string, (string | number | boolean)[]>;
}

/** Term statistics over the visible (refreshed) documents of one text field. */
export interface FieldStats {
  docCount: number;
  averageLength: number;
  postings: Map<string, Map<string, number>>;
}

function parseInterval(value: unknown): number {
  if (value === undefined || value === null) return 1000;
  const text = String(value);
  if (text === '-1') return -1;
  const match = /^(\d+)(ms|s|m)?$/.exec(text);
  if (!match)
    throw badRequest(
      'illegal_argument_exception',
      `failed to parse setting [index.refresh_interval] with value [${text}]`,
    );
  const unit = match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000;
  return Number(match[1]) * unit;
}

/** `index.*` settings may arrive flat (`{refresh_interval}`) or nested (`{index:{refresh_interval}}`). */
export function flatSettings(settings: Json | undefined): Json {
  const nested = (settings?.index as Json | undefined) ?? {};
  return { ...(settings ?? {}), ...nested };
}

/**
 * One index of the fake: its mappings, the documents written to it and the snapshot searches see.
 * Writes become visible at a refresh: `_refresh`, `?refresh=true|wait_for`, or the refresh interval
 * (1 s unless the settings say otherwise; -1 turns it off), as in Elasticsearch.
 */
export class FakeIndex {
  readonly fields = new Map<string, FieldSpec>();
  readonly docs = new Map<string, StoredDoc>();
  visible = new Map<string, StoredDoc>();
  stats = new Map<string, FieldStats>();
  refreshIntervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  readonly settings: Json;
  readonly mappings: Json;

  constructor(
    readonly name: string,
    settings: Json | undefined,
    mappings: Json | undefined,
  ) {
    this.settings = flatSettings(settings);
    this.mappings = mappings ?? {};
    const analyzers = buildAnalyzers(this.settings.analysis as Json | undefined);
    const analyzer = (name: unknown) => {
      if (name === undefined) return analyzers.get('standard')!;
      const found = analyzers.get(String(name));
      if (!found)
        throw badRequest(
          'mapper_parsing_exception',
          `analyzer [${String(name)}] has not been configured in mappings`,
        );
      return found;
    };
    const walk = (properties: Json, prefix: string) => {
      for (const [key, raw] of Object.entries(properties)) {
        const spec = raw as Json;
        const path = prefix + key;
        if (spec.properties) {
          walk(spec.properties as Json, `${path}.`);
          continue;
        }
        const add = (fieldPath: string, field: Json) => {
          const type = String(field.type ?? 'object');
          const text = type === 'text';
          this.fields.set(fieldPath, {
            path: fieldPath,
            sourcePath: path,
            type,
            indexed: field.index !== false,
            ...(text
              ? {
                  analyzer: analyzer(field.analyzer),
                  searchAnalyzer: analyzer(field.search_analyzer ?? field.analyzer),
                }
              : {}),
          });
        };
        add(path, spec);
        for (const [sub, subSpec] of Object.entries((spec.fields as Json | undefined) ?? {}))
          add(`${path}.${sub}`, subSpec as Json);
      }
    };
    walk((this.mappings.properties as Json | undefined) ?? {}, '');
    this.refreshIntervalMs = parseInterval(this.settings.refresh_interval);
  }

  updateSettings(settings: Json): void {
    const flat = flatSettings(settings);
    if ('refresh_interval' in flat) {
      this.refreshIntervalMs = parseInterval(flat.refresh_interval ?? '1s');
      Object.assign(this.settings, { refresh_interval: flat.refresh_interval });
    }
  }

  /** Index a document (external versioning: a version not above the stored one is a conflict). */
  put(id: string, source: Json, version: number | undefined): StoredDoc {
    const current = this.docs.get(id);
    if (version !== undefined && current && version <= current.version)
      throw new EsError(
        409,
        'version_conflict_engine_exception',
        `[${id}]: version conflict, current version [${current.version}] is higher or equal to the one provided [${version}]`,
      );
    const doc = this.analyse(id, source, version ?? (current ? current.version + 1 : 1));
    this.docs.set(id, doc);
    this.scheduleRefresh();
    return doc;
  }

  delete(id: string): boolean {
    const existed = this.docs.delete(id);
    if (existed) this.scheduleRefresh();
    return existed;
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.visible = new Map(this.docs);
    this.stats = new Map();
    for (const [path, field] of this.fields) {
      if (field.type !== 'text') continue;
      const postings = new Map<string, Map<string, number>>();
      let docCount = 0;
      let totalLength = 0;
      for (const doc of this.visible.values()) {
        const tokens = doc.tokens.get(path);
        if (!tokens || tokens.length === 0) continue;
        docCount++;
        totalLength += tokens.length;
        for (const token of tokens) {
          const perDoc = postings.get(token) ?? new Map<string, number>();
          perDoc.set(doc.id, (perDoc.get(doc.id) ?? 0) + 1);
          postings.set(token, perDoc);
        }
      }
      this.stats.set(path, { docCount, averageLength: docCount ? totalLength / docCount : 0, postings });
    }
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private scheduleRefresh(): void {
    if (this.timer || this.refreshIntervalMs < 0) return;
    this.timer = setTimeout(() => this.refresh(), this.refreshIntervalMs);
    this.timer.unref();
  }

  private analyse(id: string, source: Json, version: number): StoredDoc {
    const tokens = new Map<string, string[]>();
    const values = new Map<string, (string | number | boolean)[]>();
    for (const key of Object.keys(source))
      if (
        ![...this.fields.values()].some((field) => field.sourcePath === key) &&
        this.mappings.dynamic === 'strict'
      )
        throw badRequest(
          'strict_dynamic_mapping_exception',
          `[1:2] mapping set to strict, dynamic introduction of [${key}] within [_doc] is not allowed`,
        );
    for (const field of this.fields.values()) {
      const raw = source[field.sourcePath];
      const list = (Array.isArray(raw) ? raw : [raw]).filter(
        (value) => value !== null && value !== undefined,
      );
      if (field.type === 'text')
        tokens.set(
          field.path,
          list.flatMap((value) => field.analyzer!(String(value))),
        );
      else
        values.set(
          field.path,
          list.map((value) => this.coerce(field, value)),
        );
    }
    return { id, source, version, tokens, values };
  }

  private coerce(field: FieldSpec, value: unknown): string | number | boolean {
    switch (field.type) {
      case 'long':
      case 'integer':
      case 'double':
      case 'float': {
        const number = Number(value);
        if (!Number.isFinite(number))
          throw badRequest(
            'document_parsing_exception',
            `failed to parse field [${field.path}] of type [${field.type}]`,
          );
        return number;
      }
      case 'date': {
        const ms = typeof value === 'number' ? value : Date.parse(String(value));
        if (Number.isNaN(ms))
          throw badRequest(
            'document_parsing_exception',
            `failed to parse field [${field.path}] of type [date]`,
          );
        return ms;
      }
      case 'boolean':
        return value === true || value === 'true';
      default:
        return String(value);
    }
  }
}
