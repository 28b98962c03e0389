import { channelIdInput, deliveriesInput, endpointIdInput, resendInput, saveChannelInput, saveEndpointInput } from "../../schemas/notifications";
import {
  listChannels,
  listDeliveries,
  listEndpoints,
  removeChannel,
  resendDelivery,
  rotateEndpointSecret,
  saveChannel,
  saveEndpoint,
} from "../../notifications/admin";
import { createTRPCRouter, staffProcedure } from "../trpc";

const admin = staffProcedure(["admin"]);

/**
 * What the shop told whom (docs/decisions/032): the delivery log with re-send, integrators'
 * webhook endpoints (the signing secret is shown once, on create and on rotation) and the staff
 * channels per role. Store manager only; every change is recorded in staff_audit.
 */
export const notificationsRouter = createTRPCRouter({
  deliveries: admin.input(deliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.db, input)),
  resend: admin.input(resendInput).mutation(({ ctx, input }) => resendDelivery(ctx.db, ctx.staff.id, input.deliveryId)),
  endpoints: admin.query(({ ctx }) => listEndpoints(ctx.db)),
  saveEndpoint: admin.input(saveEndpointInput).mutation(({ ctx, input }) => saveEndpoint(ctx.db, ctx.staff.id, input)),
  rotateSecret: admin.input(endpointIdInput).mutation(({ ctx, input }) => rotateEndpointSecret(ctx.db, ctx.staff.id, input.id)),
  channels: admin.query(({ ctx }) => listChannels(ctx.db)),
  saveChannel: admin.input(saveChannelInput).mutation(({ ctx, input }) => saveChannel(ctx.db, ctx.staff.id, input)),
  removeChannel: admin.input(channelIdInput).mutation(({ ctx, input }) => removeChannel(ctx.db, ctx.staff.id, input.id)),
});
