import { EntitySchema } from 'typeorm';
import { id, int, longText, nullableText, ref, text, time } from '../entity-columns';

export interface DeadLetterRow {
  id: string;
  kind: string;
  reference: string;
  status: string;
  workflowId: string | null;
  runId: string | null;
  input: string;
  lastError: string;
  attempts: number;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  note: string | null;
}

export const DeadLetterEntity = new EntitySchema<DeadLetterRow>({
  name: 'DeadLetter',
  tableName: 'dead_letters',
  columns: {
    id,
    kind: text('kind', 40),
    reference: text('reference', 120),
    status: text('status', 20),
    workflowId: text('workflow_id', 200, true),
    runId: text('run_id', 64, true),
    input: longText('input'),
    lastError: longText('last_error'),
    attempts: int('attempts'),
    createdAt: time('created_at'),
    resolvedAt: time('resolved_at', true),
    resolvedBy: ref('resolved_by', true),
    note: nullableText('note'),
  },
});
