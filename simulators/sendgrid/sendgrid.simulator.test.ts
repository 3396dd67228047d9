import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSendGridSimulator } from './sendgrid.simulator';

const request = (s: ReturnType<typeof createSendGridSimulator>, body: unknown, auth = 'Bearer SG.sim-key') =>
  s.app.request('/v3/mail/send', {
    method: 'POST',
    headers: { Authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const valid = {
  personalizations: [{ to: [{ email: 'a@example.com' }] }],
  from: { email: 'no-reply@jangteo.kr' },
  subject: '안녕하세요',
  content: [{ type: 'text/plain', value: 'hi' }],
};

describe('SendGrid simulator contract', () => {
  test('401 without a valid Bearer key', async () => {
    const response = await request(createSendGridSimulator(), valid, 'Bearer nope');
    assert.equal(response.status, 401);
    assert.ok(((await response.json()) as { errors: unknown[] }).errors.length === 1);
  });

  test('400 lists every problem with its field', async () => {
    const response = await request(createSendGridSimulator(), {
      personalizations: [{ to: [{ email: 'x' }] }],
      content: [
        { type: 'text/html', value: 'a' },
        { type: 'text/plain', value: 'b' },
      ],
    });
    assert.equal(response.status, 400);
    const { errors } = (await response.json()) as { errors: Array<{ field: string }> };
    assert.deepEqual(errors.map((e) => e.field).sort(), [
      'content.0.type',
      'from.email',
      'personalizations.0.to.0.email',
      'subject',
    ]);
  });

  test('sandbox_mode.enable must be a boolean; true answers 200, absent answers 202 with X-Message-Id', async () => {
    const s = createSendGridSimulator();
    assert.equal(
      (await request(s, { ...valid, mail_settings: { sandbox_mode: { enable: 'true' } } })).status,
      400,
    );
    assert.equal(
      (await request(s, { ...valid, mail_settings: { sandbox_mode: { enable: true } } })).status,
      200,
    );
    const accepted = await request(s, valid);
    assert.equal(accepted.status, 202);
    assert.match(accepted.headers.get('X-Message-Id')!, /^[\w-]{22}$/);
  });

  test('rate limit per minute answers 429 with X-RateLimit headers', async () => {
    const s = createSendGridSimulator({ rateLimitPerMinute: 1, now: () => new Date('2024-11-24T00:00:30Z') });
    assert.equal((await request(s, valid)).status, 202);
    const limited = await request(s, valid);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('X-RateLimit-Remaining'), '0');
    assert.equal(limited.headers.get('X-RateLimit-Reset'), String(Date.parse('2024-11-24T00:01:00Z') / 1000));
  });
});
