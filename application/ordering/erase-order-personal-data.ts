import type { PersonalDataEraser } from '../../domain/identity/ports';
import type { AddressBookStore, CartRepository, OrderRepository } from '../../domain/ordering/ports';

/**
 * Withdrawal: the buyer's orders lose their shipping address and recipient (the personal data);
 * the order records — numbers, amounts, lines, history — stay for the 5-year retention. The cart
 * and the address book go too. Running it again changes nothing.
 */
export class OrderPersonalDataEraser implements PersonalDataEraser {
  readonly name = 'ordering';

  constructor(
    private readonly orders: Pick<OrderRepository, 'erasePersonalData'>,
    private readonly carts: Pick<CartRepository, 'clear'>,
    private readonly addresses?: Pick<AddressBookStore, 'removeAllOf'>,
  ) {}

  async erasePersonalData(userId: string, at: Date): Promise<void> {
    await this.orders.erasePersonalData(userId, at);
    await this.carts.clear(userId);
    await this.addresses?.removeAllOf(userId);
  }
}
