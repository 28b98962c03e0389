/**
 * The consumer people use to try the H5 flow (README). Their one order is delivered two days
 * before seeding and has no requests, so every item can still be returned or exchanged.
 */
export const DEMO_CUSTOMER = { phone: "13800138000", name: "王小明" } as const;
export const DEMO_ORDER_NO = "DEMO20261125";
