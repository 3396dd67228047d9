import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Processes to watch, by a label and a test on the command line. */
export type ProcessMatchers = Record<string, (pid: number, commandLine: string) => boolean>;

/** CPU seconds used so far by each labelled process (Linux /proc; empty elsewhere). */
export function cpuSecondsOf(matchers: ProcessMatchers): Map<string, number> {
  const used = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return used;
  }
  for (const pid of pids) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const label = Object.keys(matchers).find((name) => matchers[name]!(Number(pid), commandLine));
      if (!label) continue;
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      used.set(label, (used.get(label) ?? 0) + seconds);
    } catch {
      // the process ended meanwhile
    }
  }
  return used;
}

/** Milliseconds of CPU per unit of work between two readings, largest first. */
export function cpuPerUnit(before: Map<string, number>, after: Map<string, number>, units: number): string {
  return [...after]
    .map(([label, seconds]) => [label, ((seconds - (before.get(label) ?? 0)) * 1000) / units] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([label, ms]) => `${label} ${ms.toFixed(0)} ms`)
    .join(', ');
}
