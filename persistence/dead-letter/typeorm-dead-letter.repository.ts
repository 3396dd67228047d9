import type { DataSource, FindOptionsWhere } from 'typeorm';
import type {
  DeadLetter,
  DeadLetterKind,
  DeadLetterRepository,
  DeadLetterStatus,
} from '../../domain/dead-letter/dead-letter';
import { isUniqueViolation } from '../unique-violation';
import { DeadLetterEntity, type DeadLetterRow } from './dead-letter.entity';

const toRow = (letter: DeadLetter): DeadLetterRow => ({
  id: letter.id,
  kind: letter.kind,
  reference: letter.reference,
  status: letter.status,
  workflowId: letter.workflowId ?? null,
  runId: letter.runId ?? null,
  input: JSON.stringify(letter.input ?? null),
  lastError: JSON.stringify(letter.lastError),
  attempts: letter.attempts,
  createdAt: letter.createdAt,
  resolvedAt: letter.resolvedAt ?? null,
  resolvedBy: letter.resolvedBy ?? null,
  note: letter.note ?? null,
});

const toLetter = (row: DeadLetterRow): DeadLetter => ({
  id: row.id,
  kind: row.kind as DeadLetterKind,
  reference: row.reference,
  status: row.status as DeadLetterStatus,
  workflowId: row.workflowId ?? undefined,
  runId: row.runId ?? undefined,
  input: JSON.parse(row.input) as unknown,
  lastError: JSON.parse(row.lastError) as DeadLetter['lastError'],
  attempts: row.attempts,
  createdAt: row.createdAt,
  resolvedAt: row.resolvedAt ?? undefined,
  resolvedBy: row.resolvedBy ?? undefined,
  note: row.note ?? undefined,
});

export class TypeOrmDeadLetterRepository implements DeadLetterRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get rows() {
    return this.dataSource.getRepository(DeadLetterEntity);
  }

  async record(letter: DeadLetter) {
    try {
      await this.rows.insert(toRow(letter));
      return { letter, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.rows.findOneByOrFail({ kind: letter.kind, reference: letter.reference });
      return { letter: toLetter(existing), created: false };
    }
  }

  async get(id: string) {
    const row = await this.rows.findOneBy({ id });
    return row ? toLetter(row) : null;
  }

  /** Newest first. */
  async list(filter: { kind?: DeadLetterKind; status?: DeadLetterStatus; page: number; size: number }) {
    const where: FindOptionsWhere<DeadLetterRow> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.status) where.status = filter.status;
    const [rows, total] = await this.rows.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (filter.page - 1) * filter.size,
      take: filter.size,
    });
    return { items: rows.map(toLetter), total };
  }

  async close(id: string, change: { status: 'RETRIED' | 'RESOLVED'; by: string; at: Date; note?: string }) {
    const result = await this.rows.update(
      { id, status: 'OPEN' },
      { status: change.status, resolvedBy: change.by, resolvedAt: change.at, note: change.note ?? null },
    );
    return (result.affected ?? 0) > 0;
  }
}
