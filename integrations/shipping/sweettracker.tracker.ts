import { COURIERS, type CourierName } from '../../domain/shipping/courier';
import type {
  CourierTracker,
  RegistrationResult,
  TrackingLookup,
  TrackingRegistration,
} from '../../domain/shipping/ports';
import { trackingEventOf, type TrackingEvent } from '../../domain/shipping/tracking-event';
import {
  DEFAULT_POLLING_PLAN,
  validPollingPlan,
  type PollingPlan,
} from '../../domain/shipping/tracking-policy';
import { callSweetTracker, epochOfKoreanTime, type SweetTrackerHttpResult } from './sweettracker-http';

export interface SweetTrackerOptions {
  /** `https://info.sweettracker.co.kr`, or the simulator. */
  apiBaseUrl: string;
  apiKey: string;
  /** The push (tracking-callback) host; absent: look-ups only. */
  push?: { baseUrl: string; tier?: string };
  timeoutMs?: number;
  pollingPlan?: PollingPlan;
  fetch?: typeof fetch;
}

/**
 * Codes of `{status: false}` answers (docs/vendors/sweettracker.md#errors): 104 = the courier does not know
 * the invoice (yet).
 */
const NOT_FOUND_CODES = new Set(['104']);

/**
 * SweetTracker as our CourierTracker: trackingInfo look-ups mapped to events (levels 1–6; the
 * receiver's name and address and the courier staff's phone in the answer are dropped here), and
 * push registration through `add_invoice` with `callback_type=json`.
 */
export class SweetTrackerTracker implements CourierTracker {
  readonly provider = 'sweettracker';
  readonly pollingPlan: PollingPlan;
  private readonly apiBaseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: SweetTrackerOptions) {
    this.apiBaseUrl = options.apiBaseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.pollingPlan = options.pollingPlan ?? DEFAULT_POLLING_PLAN;
    if (!validPollingPlan(this.pollingPlan))
      throw new Error(
        `polling plan must start at ≥ 1 s and not exceed its maximum: ${JSON.stringify(this.pollingPlan)}`,
      );
  }

  async lookUp(courier: CourierName, invoiceNumber: string): Promise<TrackingLookup> {
    const query = new URLSearchParams({
      t_key: this.options.apiKey,
      t_code: COURIERS[courier].trackerCode,
      t_invoice: invoiceNumber,
    });
    const result = await this.call(`${this.apiBaseUrl}/api/v1/trackingInfo?${query}`, { method: 'GET' });
    if (result.kind !== 'ok') return { kind: 'unavailable', ...problemOf(result) };
    const body = result.body;
    const failure = errorOf(body);
    if (failure)
      return NOT_FOUND_CODES.has(failure.code)
        ? { kind: 'not_found', ...failure }
        : { kind: 'unavailable', ...failure };
    const details = Array.isArray(body.trackingDetails) ? (body.trackingDetails as unknown[]) : [];
    const events = details.map(eventOfDetail).filter((e): e is TrackingEvent => e !== null);
    const complete = body.complete === true || body.completeYN === 'Y';
    if (complete && !events.some((e) => e.status === 'DELIVERED')) {
      // Some answers mark the parcel complete before a level-6 detail shows; date it by the last step.
      const last = eventOfDetail(body.lastDetail) ?? events.at(-1);
      const delivered =
        last && trackingEventOf({ level: 6, time: Date.parse(last.at), where: last.where, kind: '배달완료' });
      if (delivered) events.push(delivered);
    }
    return { kind: 'found', complete, events };
  }

  async register(registration: TrackingRegistration): Promise<RegistrationResult> {
    const push = this.options.push;
    if (!push) return { kind: 'unsupported' };
    const form: Record<string, string> = {
      num: registration.invoiceNumber,
      code: COURIERS[registration.courier].trackerCode,
      fid: registration.reference,
      callback_url: registration.callbackUrl,
      callback_type: 'json',
      key: this.options.apiKey,
    };
    if (push.tier) form.tier = push.tier;
    const result = await this.call(`${push.baseUrl.replace(/\/+$/, '')}/add_invoice`, {
      method: 'POST',
      form,
    });
    if (result.kind !== 'ok') return { kind: 'failed', ...problemOf(result) };
    if (result.body.success === true) return { kind: 'registered' };
    return {
      kind: 'failed',
      code: typeof result.body.e_code === 'string' ? result.body.e_code : undefined,
      message: typeof result.body.e_message === 'string' ? result.body.e_message : 'add_invoice was refused',
    };
  }

  /** The tracker's courier list (`companylist`): code and name. */
  async couriers(): Promise<Array<{ code: string; name: string }>> {
    const query = new URLSearchParams({ t_key: this.options.apiKey });
    const result = await this.call(`${this.apiBaseUrl}/api/v1/companylist?${query}`, { method: 'GET' });
    if (result.kind !== 'ok') throw new Error(`SweetTracker companylist: ${problemOf(result).message}`);
    const failure = errorOf(result.body);
    if (failure) throw new Error(`SweetTracker companylist: ${failure.code} ${failure.message}`);
    const companies = Array.isArray(result.body.Company)
      ? (result.body.Company as Array<Record<string, unknown>>)
      : [];
    return companies.map((c) => ({ code: String(c.Code), name: String(c.Name) }));
  }

  private call(url: string, init: { method: 'GET' | 'POST'; form?: Record<string, string> }) {
    return callSweetTracker(url, init, { timeoutMs: this.timeoutMs, fetch: this.options.fetch });
  }
}

function problemOf(result: Exclude<SweetTrackerHttpResult, { kind: 'ok' }>): {
  code: string;
  message: string;
} {
  if (result.kind === 'http_error')
    return { code: `HTTP_${result.status}`, message: `SweetTracker answered HTTP ${result.status}` };
  return { code: result.code, message: result.message };
}

/** `{status: false, code, msg}` (some answers say `result: "E"` instead). */
function errorOf(body: Record<string, unknown>): { code: string; message: string } | null {
  if (body.status !== false && body.result !== 'E') return null;
  return {
    code: body.code === undefined ? 'UNKNOWN' : String(body.code),
    message: typeof body.msg === 'string' ? body.msg : 'SweetTracker refused the call',
  };
}

function eventOfDetail(detail: unknown): TrackingEvent | null {
  if (!detail || typeof detail !== 'object') return null;
  const d = detail as Record<string, unknown>;
  const time = typeof d.time === 'number' ? d.time : epochOfKoreanTime(d.timeString);
  return trackingEventOf({
    level: Number(d.level),
    time,
    where: typeof d.where === 'string' ? d.where : undefined,
    kind: typeof d.kind === 'string' ? d.kind : undefined,
  });
}
