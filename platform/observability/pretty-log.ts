import type { DestinationStream } from 'pino';

const LEVEL_LABELS: Record<string, string> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO ',
  warn: 'WARN ',
  error: 'ERROR',
  fatal: 'FATAL',
};
const COLOURS: Record<string, string> = {
  warn: '\x1b[33m',
  error: '\x1b[31m',
  fatal: '\x1b[31m',
  debug: '\x1b[2m',
};
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
/** Fields every line carries; a person reading a terminal does not need them. */
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name']);

/**
 * pino's JSON lines as `12:34:56 INFO  message key=value …` for a person at a terminal (the launcher
 * uses it when stdout is a TTY; everything else keeps JSON for log collectors).
 */
export function prettyLine(json: string, colour: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = String(entry.level ?? 'info');
  const time = typeof entry.time === 'string' ? new Date(entry.time) : new Date();
  const clock = time.toTimeString().slice(0, 8);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${fieldText(value)}`)
    .join(' ');
  const label = LEVEL_LABELS[level] ?? level.toUpperCase();
  const paint = (code: string | undefined, text: string) =>
    colour && code ? `${code}${text}${RESET}` : text;
  return `${paint(DIM, clock)} ${paint(COLOURS[level], label)} ${String(entry.msg ?? '')}${
    fields ? ` ${paint(DIM, fields)}` : ''
  }\n`;
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  if (value && typeof value === 'object' && 'stack' in value && typeof value.stack === 'string')
    return `\n${value.stack}`;
  return JSON.stringify(value);
}

/** A pino destination writing pretty lines to `out` (colours when it is a terminal). */
export function prettyDestination(out: NodeJS.WriteStream = process.stdout): DestinationStream {
  return { write: (line: string) => void out.write(prettyLine(line, out.isTTY === true)) };
}
