import { In, IsNull, MoreThan, Not, type DataSource, type FindOptionsWhere } from 'typeorm';
import type {
  InvoiceOnShipment,
  ShipmentPage,
  ShipmentRecord,
  ShipmentRepository,
  TrackingSource,
} from '../../domain/shipping/ports';
import {
  IN_TRANSIT_STATUSES,
  trackingStatusesBefore,
  type ShipmentStatus,
  type TrackingStatus,
} from '../../domain/shipping/shipment-status';
import type { TrackingEvent } from '../../domain/shipping/tracking-event';
import { primaryReads, type ReadRoute } from '../read-replicas';
import { isUniqueViolation } from '../unique-violation';
import { ShipmentEntity, ShipmentEventEntity, type ShipmentRow } from './shipping.entities';
import { parcelOf, toShipmentRecord, toShipmentRow, toStoredEvent } from './shipping.mapper';

const FINISHED: ShipmentStatus[] = ['DELIVERED', 'CANCELLED'];

export class TypeOrmShipmentRepository implements ShipmentRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly newId: () => string,
    /** Answers the seller and stalled lists (lag-tolerant); a single shipment is read on the primary. */
    private readonly reads: ReadRoute = primaryReads(dataSource),
  ) {}

  private get rows() {
    return this.dataSource.getRepository(ShipmentEntity);
  }

  private get events() {
    return this.dataSource.getRepository(ShipmentEventEntity);
  }

  async open(record: ShipmentRecord) {
    try {
      await this.rows.insert(toShipmentRow(record));
      return record;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return toShipmentRecord(
        await this.rows.findOneByOrFail({
          orderId: record.orderId,
          sellerId: record.sellerId,
          parcel: parcelOf(record),
        }),
      );
    }
  }

  async findById(id: string) {
    const row = await this.rows.findOneBy({ id });
    return row ? toShipmentRecord(row) : null;
  }

  async listByOrder(orderId: string) {
    return (await this.rows.find({ where: { orderId }, order: { id: 'ASC' } })).map(toShipmentRecord);
  }

  async registerInvoice(id: string, invoice: InvoiceOnShipment, now: Date) {
    const open = { id, status: Not(In(FINISHED)) };
    // The same invoice again (a retried activity) keeps its progress.
    const same = await this.rows.update(
      { ...open, courier: invoice.courier, invoiceNumber: invoice.invoiceNumber },
      { pushRegistered: invoice.pushRegistered, updatedAt: now },
    );
    if ((same.affected ?? 0) > 0) return true;
    const replaced = await this.rows.update(open, {
      courier: invoice.courier,
      invoiceNumber: invoice.invoiceNumber,
      registeredBy: invoice.registeredBy,
      registeredAt: invoice.registeredAt,
      pushRegistered: invoice.pushRegistered,
      status: 'READY',
      lastMovementAt: invoice.registeredAt,
      deliveredAt: null,
      stalledAt: null,
      updatedAt: now,
    });
    return (replaced.affected ?? 0) > 0;
  }

  async recordEvents(
    shipmentId: string,
    invoiceNumber: string,
    events: readonly TrackingEvent[],
    source: TrackingSource,
    receivedAt: Date,
  ) {
    const fresh: TrackingEvent[] = [];
    for (const event of events) {
      try {
        await this.events.insert({
          id: this.newId(),
          shipmentId,
          invoiceNumber,
          eventKey: event.key,
          status: event.status,
          level: event.level,
          occurredAt: new Date(event.at),
          location: event.where.slice(0, 100),
          description: event.description.slice(0, 100),
          source,
          receivedAt,
        });
        fresh.push(event);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return fresh;
  }

  async hasEvent(shipmentId: string, invoiceNumber: string, key: string) {
    return (await this.events.countBy({ shipmentId, invoiceNumber, eventKey: key })) > 0;
  }

  async advance(
    id: string,
    invoiceNumber: string,
    status: TrackingStatus,
    at: { movedAt: Date; deliveredAt?: Date },
  ) {
    const columns: Partial<ShipmentRow> = {
      status,
      lastMovementAt: at.movedAt,
      stalledAt: null,
      updatedAt: at.movedAt,
    };
    if (status === 'DELIVERED') columns.deliveredAt = at.deliveredAt ?? at.movedAt;
    const result = await this.rows.update(
      { id, invoiceNumber, status: In(trackingStatusesBefore(status)) },
      columns,
    );
    return (result.affected ?? 0) > 0;
  }

  async noteMovement(id: string, invoiceNumber: string, at: Date) {
    await this.rows.update(
      { id, invoiceNumber, status: In([...IN_TRANSIT_STATUSES]) },
      { lastMovementAt: at, stalledAt: null, updatedAt: at },
    );
  }

  async markStalled(id: string, at: Date) {
    await this.rows.update(
      { id, stalledAt: IsNull(), status: In([...IN_TRANSIT_STATUSES]) },
      { stalledAt: at, updatedAt: at },
    );
  }

  async cancel(id: string, at: Date) {
    const result = await this.rows.update(
      { id, status: Not(In(FINISHED)) },
      { status: 'CANCELLED', cancelledAt: at, stalledAt: null, updatedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  async eventsOf(shipmentId: string, invoiceNumber: string) {
    const rows = await this.events.find({
      where: { shipmentId, invoiceNumber },
      order: { occurredAt: 'ASC', level: 'ASC' },
    });
    return rows.map(toStoredEvent);
  }

  async listBySeller(
    sellerId: string,
    filter: { statuses: readonly ShipmentStatus[]; cursor?: string; limit: number },
  ): Promise<ShipmentPage> {
    return this.page(
      {
        sellerId,
        status: In([...filter.statuses]),
        ...(filter.cursor ? { id: MoreThan(filter.cursor) } : {}),
      },
      filter.limit,
    );
  }

  async listStalled(filter: { cursor?: string; limit: number }): Promise<ShipmentPage> {
    return this.page(
      { stalledAt: Not(IsNull()), ...(filter.cursor ? { id: MoreThan(filter.cursor) } : {}) },
      filter.limit,
    );
  }

  /** Oldest first (ids are time-ordered): what has waited longest comes first. */
  private async page(where: FindOptionsWhere<ShipmentRow>, limit: number): Promise<ShipmentPage> {
    const rows = await this.reads.read((db) =>
      db.getRepository(ShipmentEntity).find({ where, order: { id: 'ASC' }, take: limit + 1 }),
    );
    const items = rows.slice(0, limit).map(toShipmentRecord);
    return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
  }
}
