import type { Env } from "../env";
import { smsSetupProblems } from "./from-env";

/**
 * The start-up check for SMS (instrumentation.ts): why the server must not start, or null.
 * A real shop (production without the demo) needs a real provider, or no customer could ever
 * sign in — and the sandbox, which hands every code to anyone who asks its inbox, is demo-only.
 */
export function smsStartupProblem(e: Env): string | null {
  const problems = smsSetupProblems(e);
  if (problems.length) return problems.join(" ");
  const production = e.NODE_ENV === "production" && e.DEMO_MODE !== "1";
  if (production && e.SMS_PROVIDER === "none") {
    return "No SMS provider is configured: customers could not receive their sign-in codes. Set SMS_PROVIDER=aliyun with ALIYUN_ACCESS_KEY_ID, ALIYUN_ACCESS_KEY_SECRET, ALIYUN_SMS_SIGN_NAME and ALIYUN_SMS_TEMPLATE_CODE (see README, Customer sign-in by SMS).";
  }
  if (production && e.SMS_PROVIDER === "sandbox") {
    return "SMS_PROVIDER=sandbox is the demo's SMS stand-in and is refused in production: set SMS_PROVIDER=aliyun with a real AccessKey.";
  }
  return null;
}

/** Called from instrumentation.ts: prints the reason and exits instead of serving a shop that cannot sign customers in. */
export function checkSmsConfigOrExit(e: Env): void {
  const problem = smsStartupProblem(e);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
