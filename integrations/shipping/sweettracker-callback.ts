import { courierByTrackerCode } from '../../domain/shipping/courier';
import type { CourierCallback } from '../../domain/shipping/ports';
import { trackingEventOf } from '../../domain/shipping/tracking-event';
import { epochOfKoreanTime } from './sweettracker-http';

export type ParsedCallback =
  { kind: 'callback'; callback: CourierCallback } | { kind: 'malformed'; reason: string };

/**
 * One SweetTracker push (`callback_type=json`): `fid` (our reference), `invoice_no` (or `num`),
 * `code`, `level`, `time_trans` (Korean local time), `where`, `details`. The recipient's and the
 * courier staff's names and phones it may carry are not read.
 */
export function parseSweetTrackerCallback(body: unknown): ParsedCallback {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { kind: 'malformed', reason: 'the body is not a JSON object' };
  const b = body as Record<string, unknown>;
  const reference = typeof b.fid === 'string' ? b.fid.trim() : '';
  if (!reference) return { kind: 'malformed', reason: 'fid is missing' };
  const invoiceNumber = String(b.invoice_no ?? b.num ?? '').replace(/[\s-]/g, '');
  if (!/^\d+$/.test(invoiceNumber)) return { kind: 'malformed', reason: 'invoice_no is missing' };
  const courier = courierByTrackerCode(String(b.code ?? ''));
  if (!courier)
    return { kind: 'malformed', reason: `courier code ${String(b.code)} is not one we ship with` };
  const event = trackingEventOf({
    level: Number(b.level),
    time: epochOfKoreanTime(b.time_trans),
    where: typeof b.where === 'string' ? b.where : undefined,
    kind: typeof b.details === 'string' ? b.details : undefined,
  });
  if (!event) return { kind: 'malformed', reason: 'level or time_trans is not a tracking step' };
  return { kind: 'callback', callback: { reference, courier: courier.name, invoiceNumber, events: [event] } };
}
