import { badRequest } from './errors';

/**
 * The analysis chain of the fake: char filters → tokenizer → token filters, built from the
 * `settings.analysis` an index was created with. Implemented: the pattern_replace char filter; the
 * keyword, whitespace, standard, ngram and edge_ngram tokenizers; the lowercase filter.
 * APPROXIMATED: `nori_tokenizer` splits on whitespace and punctuation only (no morphological
 * analysis, no decompounding) and `nori_readingform` / `nori_part_of_speech` pass tokens through.
 */
export type Analyzer = (text: string) => string[];
type Json = Record<string, unknown>;

const WORD_CHARS = /[\p{L}\p{N}]+/gu;

function charClassTest(tokenChars: string[]): (char: string) => boolean {
  const tests = tokenChars.map((kind) => {
    switch (kind) {
      case 'letter':
        return (char: string) => /\p{L}/u.test(char);
      case 'digit':
        return (char: string) => /\p{N}/u.test(char);
      case 'whitespace':
        return (char: string) => /\s/u.test(char);
      case 'punctuation':
        return (char: string) => /\p{P}/u.test(char);
      case 'symbol':
        return (char: string) => /\p{S}/u.test(char);
      default:
        throw badRequest('illegal_argument_exception', `Unknown token type: '${kind}'`);
    }
  });
  return (char) => tests.some((test) => test(char));
}

/** Runs of characters of the given classes; no classes means the whole text is one run. */
function runs(text: string, tokenChars: string[]): string[] {
  if (tokenChars.length === 0) return text.length > 0 ? [text] : [];
  const keep = charClassTest(tokenChars);
  const found: string[] = [];
  let current = '';
  for (const char of text) {
    if (keep(char)) current += char;
    else if (current) {
      found.push(current);
      current = '';
    }
  }
  if (current) found.push(current);
  return found;
}

function grams(word: string, min: number, max: number, edgeOnly: boolean): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let start = 0; start < (edgeOnly ? 1 : chars.length); start++)
    for (let size = min; size <= max && start + size <= chars.length; size++)
      out.push(chars.slice(start, start + size).join(''));
  return out;
}

function tokenizer(spec: Json | string, defined: Json): (text: string) => string[] {
  const def = typeof spec === 'string' ? ((defined[spec] as Json | undefined) ?? { type: spec }) : spec;
  switch (def.type) {
    case 'keyword':
      return (text) => (text.length > 0 ? [text] : []);
    case 'whitespace':
      return (text) => text.split(/\s+/u).filter(Boolean);
    case 'standard':
    case 'nori_tokenizer':
      return (text) => text.match(WORD_CHARS) ?? [];
    case 'ngram':
    case 'edge_ngram': {
      const edge = def.type === 'edge_ngram';
      const min = Number(def.min_gram ?? 1);
      const max = Number(def.max_gram ?? 2);
      const tokenChars = (def.token_chars as string[] | undefined) ?? [];
      return (text) => runs(text, tokenChars).flatMap((run) => grams(run, min, max, edge));
    }
    default:
      throw badRequest('illegal_argument_exception', `failed to find tokenizer [${String(def.type)}]`);
  }
}

function tokenFilter(name: string, defined: Json): (tokens: string[]) => string[] {
  const def = (defined[name] as Json | undefined) ?? { type: name };
  switch (def.type) {
    case 'lowercase':
      return (tokens) => tokens.map((token) => token.toLowerCase());
    case 'nori_readingform':
    case 'nori_part_of_speech':
      return (tokens) => tokens;
    default:
      throw badRequest('illegal_argument_exception', `failed to find filter under name [${name}]`);
  }
}

function charFilter(name: string, defined: Json): (text: string) => string {
  const def = defined[name] as Json | undefined;
  if (def?.type !== 'pattern_replace')
    throw badRequest('illegal_argument_exception', `failed to find char_filter under name [${name}]`);
  const pattern = new RegExp(String(def.pattern), 'gu');
  const replacement = String(def.replacement ?? '');
  return (text) => text.replace(pattern, replacement);
}

const BUILT_IN: Record<string, Json> = {
  standard: { tokenizer: 'standard', filter: ['lowercase'] },
  simple: { tokenizer: 'standard', filter: ['lowercase'] },
  whitespace: { tokenizer: 'whitespace' },
  keyword: { tokenizer: 'keyword' },
  nori: { tokenizer: 'nori_tokenizer', filter: ['nori_readingform', 'lowercase'] },
};

/** The analyzers an index's settings declare, plus the built-in ones, each checked at index creation. */
export function buildAnalyzers(analysis: Json | undefined): Map<string, Analyzer> {
  const section = (key: string) => ((analysis?.[key] as Json | undefined) ?? {}) as Json;
  const declared = { ...BUILT_IN, ...section('analyzer') } as Record<string, Json>;
  const analyzers = new Map<string, Analyzer>();
  for (const [name, def] of Object.entries(declared)) {
    const chars = ((def.char_filter as string[] | undefined) ?? []).map((filter) =>
      charFilter(filter, section('char_filter')),
    );
    const tokenize = tokenizer(def.tokenizer as Json | string, section('tokenizer'));
    const filters = ((def.filter as string[] | undefined) ?? []).map((filter) =>
      tokenFilter(filter, section('filter')),
    );
    analyzers.set(name, (text) => {
      const filtered = chars.reduce((value, apply) => apply(value), text);
      return filters.reduce((tokens, apply) => apply(tokens), tokenize(filtered));
    });
  }
  return analyzers;
}
