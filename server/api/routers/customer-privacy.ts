import { env } from "../../env";
import { sessionIdInput } from "../../schemas/customer-privacy";
import { endAllDevices, endDevice, listDevices } from "../../services/customer-sessions";
import { exportCustomerData } from "../../services/personal-data/export";
import { listErasureRequests, requestErasure } from "../../services/personal-data/erasure";
import { customerProcedure } from "../trpc";

/**
 * The customer's own privacy controls, merged into the customer router: signed-in devices,
 * "my data" and erasure requests (docs/decisions/018-personal-data.md).
 */
export const customerPrivacyProcedures = {
  /** The customer's signed-in browsers; `current` marks this one. */
  devices: customerProcedure.query(({ ctx }) => listDevices(ctx.db, ctx.customer.id, ctx.customer.sessionId, env().CUSTOMER_SESSION_IDLE_DAYS)),

  /** Ends one device's session; ending this one also clears the cookie. */
  signOutDevice: customerProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    await endDevice(ctx.db, ctx.customer.id, input.id);
    const current = input.id === ctx.customer.sessionId;
    if (current) ctx.setCustomerCookie(null);
    return { ok: true as const, signedOut: current };
  }),

  /** "Sign out everywhere": every session of the customer ends, this one included. */
  signOutEverywhere: customerProcedure.mutation(async ({ ctx }) => {
    const ended = await endAllDevices(ctx.db, ctx.customer.id);
    ctx.setCustomerCookie(null);
    return { ok: true as const, ended };
  }),

  /** "我的数据 / My data": everything held about the customer, for download as JSON. */
  myData: customerProcedure.query(({ ctx }) => exportCustomerData(ctx.db, ctx.customer.id)),

  erasureRequests: customerProcedure.query(({ ctx }) => listErasureRequests(ctx.db, ctx.customer.id)),

  /** Asks the store manager to erase the customer's data; asking again returns the pending request. */
  requestErasure: customerProcedure.mutation(({ ctx }) => requestErasure(ctx.db, ctx.customer.id)),
};
