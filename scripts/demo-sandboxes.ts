import { startAlipaySandbox } from "./sandboxes/alipay/server";
import { startSmsSandbox } from "./sandboxes/aliyun-sms";
import { startWechatPaySandbox } from "./sandboxes/wechat-pay/server";
import { startWecomSandbox } from "./sandboxes/wecom-robot";

/**
 * The local stand-ins for outside services that the demo (npm run demo, npm run dev) and the e2e
 * server start next to the app: processes in this repository speaking the real service's
 * protocol. Each starter gets the environment built so far and returns the variables that point
 * the app at its sandbox, and how to stop it.
 *
 * Add a sandbox by appending a starter to SANDBOXES. Only these demo
 * commands start sandboxes; `npm start` never does (docs/decisions/012-demo-versus-production.md).
 */
export interface Sandbox {
  env: Record<string, string>;
  stop: () => Promise<void>;
}

export type SandboxStarter = (env: NodeJS.ProcessEnv) => Promise<Sandbox>;

/** Aliyun SMS: verification codes reach its inbox (`<endpoint>/inbox?phone=…`), as a phone would. */
const smsSandbox: SandboxStarter = async () => {
  const sms = await startSmsSandbox({ port: 0 });
  console.log(`SMS sandbox: ${sms.endpoint}/inbox?phone=13800138000 shows the codes sent`);
  return { env: sms.appEnv(), stop: () => sms.close() };
};

/** Alipay: refunds go to its openapi gateway stand-in; its ledger (`<origin>/sandbox/ledger`) shows what was paid. */
const alipaySandbox: SandboxStarter = async () => {
  const alipay = await startAlipaySandbox({ port: 0 });
  console.log(`Alipay sandbox: ${alipay.origin}/sandbox/ledger lists the refunds paid`);
  return { env: alipay.appEnv(), stop: () => alipay.close() };
};

/** WeChat Pay v3 refunds: signed answers, encrypted notifications to the app, a ledger at `<endpoint>/sandbox/ledger`. */
const wechatPaySandbox: SandboxStarter = async () => {
  const wx = await startWechatPaySandbox({ port: 0 });
  console.log(`WeChat Pay sandbox: ${wx.endpoint}/sandbox/ledger lists the refunds it paid`);
  return { env: wx.appEnv(), stop: () => wx.close() };
};

/**
 * WeCom group robots: staff notifications (new work, overdue) land at `<origin>/messages?key=demo-<role>`.
 * WECOM_SANDBOX_URL is not the app's setting (robots are staff channels, set by the store manager):
 * `npm run demo` points the demo's channels at it (scripts/seed/demo-robots.ts).
 */
const wecomSandbox: SandboxStarter = async () => {
  const wecom = await startWecomSandbox({ port: 0 });
  console.log(`WeCom robot sandbox: ${wecom.origin}/messages?key=demo-customer_service shows what the customer service group got`);
  return { env: { WECOM_SANDBOX_URL: wecom.origin }, stop: () => wecom.close() };
};

export const SANDBOXES: SandboxStarter[] = [smsSandbox, alipaySandbox, wechatPaySandbox, wecomSandbox];

/** Starts every sandbox in order; returns the app's environment with their variables and one stop for all. */
export async function startSandboxes(env: NodeJS.ProcessEnv): Promise<{ env: NodeJS.ProcessEnv; stop: () => Promise<void> }> {
  const started: Sandbox[] = [];
  let current = env;
  for (const start of SANDBOXES) {
    const sandbox = await start(current);
    started.push(sandbox);
    current = { ...current, ...sandbox.env };
  }
  return {
    env: current,
    stop: async () => {
      for (const s of started.reverse()) await s.stop();
    },
  };
}
