import type { PersonalDataEraser } from '../../domain/identity/ports';
import type { CartRepository, OrderRepository } from '../../domain/ordering/ports';

/**
 * Withdrawal: the buyer's orders lose their shipping address and recipient (the personal data);
 * the order records — numbers, amounts, lines, history — stay for the 5-year retention. The cart
 * goes too. Running it again changes nothing.
 */
export class OrderPersonalDataEraser implements PersonalDataEraser {
  readonly name = 'ordering';

  constructor(
    private readonly orders: Pick<OrderRepository, 'erasePersonalData'>,
    private readonly carts: Pick<CartRepository, 'clear'>,
  ) {}

  async erasePersonalData(userId: string, at: Date): Promise<void> {
    await this.orders.erasePersonalData(userId, at);
    await this.carts.clear(userId);
  }
}
