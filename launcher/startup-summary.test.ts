import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startupSummary } from './startup-summary';

test('the summary lists the addresses in Korean and English, aligned, and leaves out real vendors', () => {
  const text = startupSummary({
    api: 'http://localhost:3000',
    temporalUi: 'http://localhost:8233',
    sandbox: { nhn: 'http://127.0.0.1:4020', courier: 'http://127.0.0.1:4040' },
    adminEmail: 'admin@jangteo.local',
    secretsPath: 'var/dev-secrets.json',
    startedInMs: 12_345,
  });
  assert.match(text, /장터 Jangteo 실행 중 · running \(12\.3 s\)/);
  const urls = text.split('\n').filter((line) => line.includes('http'));
  assert.deepEqual(
    urls.map((line) => line.slice(line.indexOf('http'))),
    [
      'http://localhost:3000/api/v1',
      'http://localhost:3000/docs',
      'http://localhost:8233',
      'http://127.0.0.1:4020/__sim/messages',
      'http://127.0.0.1:4040/__sim/parcels',
    ],
  );
  assert.ok(!text.includes('E-mails sent'), 'no mail simulator, no line');
  assert.match(text, /admin@jangteo\.local \(비밀번호 · password: var\/dev-secrets\.json\)/);
});
