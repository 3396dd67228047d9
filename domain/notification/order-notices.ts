import type { NotificationRequest } from './notification';
import type { SellerAlert } from './seller-alert';

/** Messages one order owes at one moment (when it is paid: the buyer's receipt and each seller's alert), sent together. */
export interface OrderNotices {
  notices: NotificationRequest[];
  sellerAlerts: SellerAlert[];
}
