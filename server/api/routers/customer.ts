import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { categories, customers, orderLines, orders, products, skus } from "../../../db/schema";
import { lineEligibility } from "../../domain/eligibility";
import { AppError } from "../../domain/errors";
import {
  appealInput,
  cancelInput,
  challengeInput,
  orderRefInput,
  provideInfoInput,
  requestCodeInput,
  requestRefInput,
  returnLabelInput,
  shipInput,
  submitReturnInput,
  verifyCodeInput,
} from "../../schemas/customer";
import { customerConvertToRefundInput } from "../../schemas/replacement";
import { issueChallenge } from "../../challenge/proof-of-work";
import { env } from "../../env";
import { actOnRequest, type Actor } from "../../services/act-on-request";
import { hitRateLimit } from "../../services/rate-limit";
import { endCustomerSession, requestCode, verifyCode } from "../../services/customer-verification";
import { currentPolicy } from "../../services/policy-store";
import { listCustomerRequests, requestForCustomer } from "../../services/read-requests";
import { customerReasonOptions } from "../../services/reasons";
import { returnLabelForCustomer } from "../../services/return-label";
import { submitReturn } from "../../services/submit-return";
import { ipLimitedProcedure } from "../ip-limits";
import { createTRPCRouter, customerProcedure, publicProcedure } from "../trpc";
import { customerPrivacyProcedures } from "./customer-privacy";

const asCustomer = (customer: { id: string }): Actor => ({ type: "customer", id: customer.id, role: "customer" });

export const customerRouter = createTRPCRouter({
  requestCode: publicProcedure.input(requestCodeInput).mutation(({ ctx, input }) =>
    requestCode(ctx.db, { ...input, ip: ctx.ip }, { demo: ctx.demo, sms: ctx.sms, log: ctx.log, maxSendsPerHour: env().SMS_MAX_SENDS_PER_HOUR }),
  ),

  /** A proof-of-work challenge, for when requestCode or verifyCode answered challenge_required. */
  challenge: publicProcedure.input(challengeInput).mutation(async ({ ctx, input }) => {
    // Issuing is cheap (an HMAC) but still bounded, as every public procedure is.
    await hitRateLimit(ctx.db, `challenge:ip:${ctx.ip ?? "unknown"}`, ctx.ip ? 120 : 100_000, 600);
    return issueChallenge(input.purpose, env().CHALLENGE_BITS);
  }),

  verifyCode: publicProcedure.input(verifyCodeInput).mutation(async ({ ctx, input }) => {
    const session = await verifyCode(ctx.db, { ...input, ip: ctx.ip, locale: ctx.locale });
    ctx.setCustomerCookie(session.token, { expires: session.expiresAt });
    return { ok: true as const };
  }),

  signOut: ipLimitedProcedure("customer.signOut").mutation(async ({ ctx }) => {
    if (ctx.customerToken) await endCustomerSession(ctx.db, ctx.customerToken);
    ctx.setCustomerCookie(null);
    return { ok: true as const };
  }),

  /** What the H5 form offers: the active reasons in order, named in the customer's language, which need photos, how many photos. */
  settings: ipLimitedProcedure("customer.settings").query(async ({ ctx }) => {
    const [{ policy }, reasons] = await Promise.all([currentPolicy(ctx.db), customerReasonOptions(ctx.db, ctx.locale)]);
    return { maxPhotos: policy.evidence.maxPhotos, reasons };
  }),

  me: ipLimitedProcedure("customer.me").query(({ ctx }) => (ctx.customer ? { name: ctx.customer.name, phone: ctx.customer.phone } : null)),

  orders: customerProcedure.query(({ ctx }) =>
    ctx.db
      .select({ id: orders.id, orderNo: orders.orderNo, totalPaidFen: orders.totalPaidFen, status: orders.status, paidAt: orders.paidAt })
      .from(orders)
      .where(eq(orders.customerId, ctx.customer.id))
      .orderBy(asc(orders.createdAt)),
  ),

  /** The order's lines with what can still be returned, why not when nothing, and exchange variants. */
  returnableLines: customerProcedure.input(orderRefInput).query(async ({ ctx, input }) => {
    const [order] = await ctx.db
      .select()
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(and(eq(orders.orderNo, input.orderNo), eq(orders.customerId, ctx.customer.id)));
    if (!order) throw new AppError("not_found");
    const rows = await ctx.db
      .select({ line: orderLines, sku: skus, category: categories })
      .from(orderLines)
      .innerJoin(skus, eq(skus.id, orderLines.skuId))
      .innerJoin(products, eq(products.id, skus.productId))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(eq(orderLines.orderId, order.orders.id))
      .orderBy(asc(orderLines.title));
    const productIds = [...new Set(rows.map((r) => r.sku.productId))];
    const variants = productIds.length
      ? await ctx.db
          .select({ id: skus.id, productId: skus.productId, attributes: skus.attributes, stock: skus.stock })
          .from(skus)
          // Free units: one promised to an approved exchange is not on offer (decision 030).
          .where(and(inArray(skus.productId, productIds), gt(sql`${skus.stock} - ${skus.reserved}`, 0)))
      : [];
    const now = new Date();
    return {
      order: { id: order.orders.id, orderNo: order.orders.orderNo, paymentMethod: order.orders.paymentMethod, deliveredAt: order.orders.deliveredAt },
      lines: rows.map(({ line, sku, category }) => ({
        id: line.id,
        title: line.title,
        attributes: sku.attributes,
        quantity: line.quantity,
        paidFen: line.paidFen,
        category: { code: category.code, nameZh: category.nameZh, nameEn: category.nameEn },
        ...lineEligibility({ ...line, category }, order.orders, now),
        exchangeVariants: variants.filter((v) => v.productId === sku.productId && v.id !== sku.id).map(({ id, attributes }) => ({ id, attributes })),
      })),
    };
  }),

  submit: customerProcedure.input(submitReturnInput).mutation(({ ctx, input }) => submitReturn(ctx.db, { ...input, customerId: ctx.customer.id, locale: ctx.locale })),

  requests: customerProcedure.query(({ ctx }) => listCustomerRequests(ctx.db, ctx.customer.id)),

  request: customerProcedure.input(requestRefInput).query(({ ctx, input }) => requestForCustomer(ctx.db, ctx.customer.id, input)),

  /** The return slip of one of the customer's own requests (decision 027); another's is not found. */
  returnLabel: customerProcedure.input(returnLabelInput).query(({ ctx, input }) => returnLabelForCustomer(ctx.db, ctx.customer.id, input.rmaNo)),

  cancel: customerProcedure.input(cancelInput).mutation(({ ctx, input }) =>
    actOnRequest(ctx.db, asCustomer(ctx.customer), { requestId: input.requestId, expectedVersion: input.version, action: "cancel", comment: input.comment }),
  ),

  provideInfo: customerProcedure.input(provideInfoInput).mutation(({ ctx, input }) =>
    actOnRequest(ctx.db, asCustomer(ctx.customer), {
      requestId: input.requestId,
      expectedVersion: input.version,
      action: "provide_info",
      comment: input.comment,
      photoIds: input.photoIds,
    }),
  ),

  ship: customerProcedure.input(shipInput).mutation(({ ctx, input }) =>
    actOnRequest(ctx.db, asCustomer(ctx.customer), {
      requestId: input.requestId,
      expectedVersion: input.version,
      action: "ship",
      shipment: { carrier: input.carrier, trackingNo: input.trackingNo },
    }),
  ),

  appeal: customerProcedure.input(appealInput).mutation(({ ctx, input }) =>
    actOnRequest(ctx.db, asCustomer(ctx.customer), { requestId: input.requestId, expectedVersion: input.version, action: "appeal", comment: input.comment }),
  ),

  /** An exchange whose replacement ran out becomes a refund, when the policy lets the customer choose (decision 030). */
  convertToRefund: customerProcedure.input(customerConvertToRefundInput).mutation(({ ctx, input }) =>
    actOnRequest(ctx.db, asCustomer(ctx.customer), { requestId: input.requestId, expectedVersion: input.version, action: "convert_to_refund", comment: input.comment }),
  ),

  ...customerPrivacyProcedures,
});

