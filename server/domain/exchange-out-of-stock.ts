/** Who decides when an exchange's replacement runs out before approval (a policy setting, decision 030). */
export const EXCHANGE_OUT_OF_STOCK = ["customer_chooses", "staff_decide"] as const;
export type ExchangeOutOfStock = (typeof EXCHANGE_OUT_OF_STOCK)[number];
export const DEFAULT_EXCHANGE_OUT_OF_STOCK: ExchangeOutOfStock = "customer_chooses";
