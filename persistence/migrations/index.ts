import { DeadLetters1732406400000 } from './1732406400000-dead-letters';
import { Notifications1732430000000 } from './1732430000000-notifications';
import { Identity1732410000000 } from './1732410000000-identity';
import { Catalog1732420000000 } from './1732420000000-catalog';
import { Inventory1732420000001 } from './1732420000001-inventory';
import { Chat1732450000000 } from './1732450000000-chat';
import { Payments1732460000000 } from './1732460000000-payments';
import { Ordering1732470000000 } from './1732470000000-ordering';
import { OrderAfterSale1732475000000 } from './1732475000000-order-after-sale';
import { Shipping1732480000000 } from './1732480000000-shipping';
import { Settlement1732490000000 } from './1732490000000-settlement';
import { OrderCardScope1732495000000 } from './1732495000000-order-card-scope';
import { PaymentRefunds1732497000000 } from './1732497000000-payment-refunds';
import { ShippingFees1732500000000 } from './1732500000000-shipping-fees';
import { PointsLots1732501000000 } from './1732501000000-points-lots';
import { RetentionIndexes1732510000000 } from './1732510000000-retention-indexes';
import { RefundsWithShipping1732520000000 } from './1732520000000-refunds-with-shipping';
import { ReturnShippingFee1732530000000 } from './1732530000000-return-shipping-fee';
import { Outbox1732540000000 } from './1732540000000-outbox';
import { ProductSearchDocuments1732540000001 } from './1732540000001-product-search-documents';
import { Kpis1732540000002 } from './1732540000002-kpis';
import { MerchantBasics1732540000003 } from './1732540000003-merchant-basics';
import { SellerDisclosure1732540000004 } from './1732540000004-seller-disclosure';
import { CatalogManagement1732540000005 } from './1732540000005-catalog-management';
import { LowStockWatches1732540000009 } from './1732540000009-low-stock-watches';
import { OrderExchanges1732540000010 } from './1732540000010-order-exchanges';
import { SellerDigest1732540000011 } from './1732540000011-seller-digest';
import { UserSuspension1732540000012 } from './1732540000012-user-suspension';
import { NotificationOrder1732540000013 } from './1732540000013-notification-order';
import { ExchangeShipments1732540000014 } from './1732540000014-exchange-shipments';

/** Every migration, oldest first. Each one runs unchanged on MariaDB and SQLite. */
export const migrations = [
  DeadLetters1732406400000,
  Identity1732410000000,
  Catalog1732420000000,
  Inventory1732420000001,
  Notifications1732430000000,
  Chat1732450000000,
  Payments1732460000000,
  Ordering1732470000000,
  OrderAfterSale1732475000000,
  Shipping1732480000000,
  Settlement1732490000000,
  OrderCardScope1732495000000,
  PaymentRefunds1732497000000,
  ShippingFees1732500000000,
  PointsLots1732501000000,
  RetentionIndexes1732510000000,
  RefundsWithShipping1732520000000,
  ReturnShippingFee1732530000000,
  Outbox1732540000000,
  ProductSearchDocuments1732540000001,
  Kpis1732540000002,
  MerchantBasics1732540000003,
  SellerDisclosure1732540000004,
  CatalogManagement1732540000005,
  LowStockWatches1732540000009,
  OrderExchanges1732540000010,
  SellerDigest1732540000011,
  UserSuspension1732540000012,
  NotificationOrder1732540000013,
  ExchangeShipments1732540000014,
];
