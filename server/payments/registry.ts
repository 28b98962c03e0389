import type { PaymentMethod, RefundChannel } from "../domain/vocabulary";
import type { Env } from "../env";
import { alipayFromEnv } from "./alipay/from-env";
import type { GatewayChannel, RefundGateway } from "./refund-gateway";
import { wechatPayFromEnv } from "./wechat-pay/from-env";

/**
 * The gateways this server pays refunds through, built from validated env: one adapter per
 * configured gateway (Alipay, WeChat Pay v3), each talking to the real endpoint or, in the demo
 * and the tests, to the repository's sandbox process over the same protocol. There is no
 * simulator: a gateway that is not configured pays nothing, and its refunds are recorded
 * offline by finance (docs/decisions/021-refunds-exactly-once.md).
 */
export class GatewayRegistry {
  private readonly byChannel: ReadonlyMap<GatewayChannel, RefundGateway>;

  constructor(gateways: readonly RefundGateway[]) {
    this.byChannel = new Map(gateways.map((g) => [g.channel, g]));
  }

  get(channel: RefundChannel): RefundGateway | undefined {
    return channel === "alipay" || channel === "wechat_pay" ? this.byChannel.get(channel) : undefined;
  }

  /** The configured gateway that pays orders paid this way back, or null (offline, or by the platform). */
  channelFor(method: PaymentMethod): GatewayChannel | null {
    return (method === "alipay" || method === "wechat_pay") && this.byChannel.has(method) ? method : null;
  }

  get channels(): GatewayChannel[] {
    return [...this.byChannel.keys()];
  }
}

/** Where a refund of an order paid this way goes when no gateway pays it online. */
export function offlineChannelOf(method: PaymentMethod): RefundChannel {
  return method === "platform" ? "platform" : "offline";
}

/** A gateway adapter's factory: its adapter when its env variables are set, else undefined. */
export type GatewayFactory = (config: Env) => RefundGateway | undefined;

/** The adapters' factories (server/payments/alipay, server/payments/wechat-pay). */
export const GATEWAY_FACTORIES: GatewayFactory[] = [alipayFromEnv, wechatPayFromEnv];

/** The registry for this configuration: every adapter whose env is set. */
export function gatewayRegistry(config: Env, factories: readonly GatewayFactory[] = GATEWAY_FACTORIES): GatewayRegistry {
  return new GatewayRegistry(factories.map((f) => f(config)).filter((g): g is RefundGateway => g !== undefined));
}
