import type { Context } from 'hono';
import type { Sleeper } from '../sim-module';

/**
 * The delivery faults every PG fake plays the same way once it has decided one fires: a `timeout`
 * (the call hangs past the client's read timeout and its answer comes late) and a `loseResponse`
 * (the PG did the work, then the answer is lost). The call record says how the answer went.
 */
export interface DeliveryRecord {
  delivery: string;
}

type NodeEnv = { incoming?: { socket?: { destroy(): void } } };

export async function hang(
  sleeper: Sleeper,
  timeout: { hangMs?: number },
  record: DeliveryRecord,
  defaultHangMs: number,
): Promise<void> {
  await sleeper.sleep(timeout.hangMs ?? defaultHangMs);
  record.delivery = 'late';
}

/**
 * Loses the answer: drops the connection (`drop`, the default, where the server is Node's) or
 * answers `replacement` instead (`error`, a 500).
 */
export function loseAnswer(
  c: Context,
  lose: { mode?: 'drop' | 'error' },
  record: DeliveryRecord,
  replacement: () => Response,
): Response {
  const socket = (c.env as NodeEnv | undefined)?.incoming?.socket;
  if ((lose.mode ?? 'drop') === 'drop' && socket) {
    record.delivery = 'dropped';
    socket.destroy();
    return c.body(null, 500);
  }
  record.delivery = 'replaced-by-500';
  return replacement();
}
