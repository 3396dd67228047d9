import { In, type DataSource } from 'typeorm';
import type { SellerNames } from '../../domain/catalog/ports';
import { SellerProfileEntity } from './seller-profile.entity';

/** Identity's published read of sellers' 상호 for the catalog's search documents (always the primary). */
export class TypeOrmSellerNames implements SellerNames {
  constructor(private readonly dataSource: DataSource) {}

  async companyNamesOf(sellerIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(sellerIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(SellerProfileEntity, {
      where: { sellerId: In(unique) },
      select: { sellerId: true, companyName: true },
    });
    return new Map(rows.map((row) => [row.sellerId, row.companyName]));
  }
}
