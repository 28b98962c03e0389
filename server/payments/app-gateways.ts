import "server-only";
import { env } from "../env";
import { gatewayRegistry, type GatewayRegistry } from "./registry";

// One per server process, built on first use (env is read at runtime, not at build): the
// adapters keep their HTTP clients and keys.
let gateways: GatewayRegistry | undefined;

/** The app server's configured gateways (tRPC context and the notification route share them). */
export function appGateways(): GatewayRegistry {
  return (gateways ??= gatewayRegistry(env()));
}
