/** The ports of the inventory context. */

/** Starts the durable 30-minute hold for the head of a variant's waiting queue (Temporal in production). */
export interface RestockHoldStarter {
  startHold(input: { variantId: string; entryId: string }): Promise<void>;
}

/** A product whose sellable stock crossed zero in either direction. */
export interface ProductAvailability {
  productId: string;
  anySellable: boolean;
}
