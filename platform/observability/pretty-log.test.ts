import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prettyLine } from './pretty-log';

test('a JSON log line reads as time, level, message and the fields that matter', () => {
  const line = JSON.stringify({
    level: 'warn',
    time: '2026-12-06T10:11:12.000Z',
    pid: 1,
    hostname: 'vm',
    name: 'jangteo',
    msg: 'tracking look-up failed',
    orderId: 'o-1',
    note: 'two words',
    attempt: 2,
  });
  const pretty = prettyLine(`${line}\n`, false);
  assert.match(
    pretty,
    /^\d\d:\d\d:\d\d WARN {2}tracking look-up failed orderId=o-1 note="two words" attempt=2\n$/,
  );
  assert.ok(!pretty.includes('hostname') && !pretty.includes('pid='));
  assert.ok(prettyLine(line, true).includes('\u001b[33mWARN '), 'warnings are yellow on a terminal');
});

test('what is not JSON passes through unchanged', () => {
  assert.equal(prettyLine('plain text', false), 'plain text\n');
});
