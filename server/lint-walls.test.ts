import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The walls in eslint.config.mjs, exercised through ESLint's own API on in-memory files placed at
// the protected paths (the files need not exist; the imported modules do, so the resolver finds them).
const ROOT = path.resolve(import.meta.dirname, "..");
const WALL_RULES = new Set(["import/no-restricted-paths", "no-restricted-imports"]);

let eslint: ESLint;
// The first lint loads every plugin and the TypeScript resolver (seconds on a busy machine): pay it once here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText("export const warm = 1;\n", { filePath: path.join(ROOT, "server/domain/warm-up.ts") });
}, 120_000);

/** The wall errors ESLint reports for `code` as if it were the file at `file`. */
async function wallErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  if (!result) throw new Error("ESLint returned no result");
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`ESLint could not parse ${file}: ${fatal.map((m) => m.message).join("; ")}`);
  return result.messages.filter((m) => m.severity === 2 && m.ruleId && WALL_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const blocked: [file: string, importLine: string][] = [
  // server/domain: plain TypeScript.
  ["server/domain/wall-probe.ts", 'import { appDb } from "../db";'],
  ["server/domain/wall-probe.ts", 'import { returnRequests } from "@/db/schema";'],
  ["server/domain/wall-probe.ts", 'import { listQueue } from "../services/read-requests";'],
  ["server/domain/wall-probe.ts", 'import { NextResponse } from "next/server";'],
  ["server/domain/wall-probe.ts", 'import { TRPCError } from "@trpc/server";'],
  ["server/domain/wall-probe.ts", 'import { eq } from "drizzle-orm";'],
  ["server/domain/wall-probe.ts", 'import postgres from "postgres";'],
  ["server/domain/wall-probe.ts", 'import { useState } from "react";'],
  // components: no database, services or auth internals, not even types.
  ["components/staff/wall-probe.tsx", 'import { appDb } from "@/server/db";'],
  ["components/staff/wall-probe.tsx", 'import { returnRequests } from "@/db/schema";'],
  ["components/staff/wall-probe.tsx", 'import type { QueueItem } from "@/server/services/read-requests";'],
  ["components/ui/wall-probe.tsx", 'import type { StaffUser } from "@/server/auth/staff-users";'],
  // Customer code never pulls in staff components.
  ["components/h5/wall-probe.tsx", 'import { QueueList } from "@/components/staff/queue/queue-list";'],
  ["components/h5/request/wall-probe.tsx", 'import { SignInForm } from "../../staff/sign-in-form";'],
  ["app/(customer)/requests/wall-probe.tsx", 'import { QueueList } from "@/components/staff/queue/queue-list";'],
  // The return slip is shared: neither customer nor staff code in it.
  ["components/labels/wall-probe.tsx", 'import { QueueList } from "@/components/staff/queue/queue-list";'],
  ["components/labels/wall-probe.tsx", 'import { QrCode } from "@/components/h5/request/qr-code";'],
  // The app and the server never import scripts/.
  ["app/(staff)/login/wall-probe.tsx", 'import { DEMO_CUSTOMER } from "@/scripts/seed/demo-customer";'],
  ["server/services/wall-probe.ts", 'import { buildDemoWorld } from "../../scripts/seed/build";'],
];

const allowed: [file: string, importLine: string][] = [
  ["server/domain/wall-probe.ts", 'import { formatYuan } from "./money";'],
  ["components/staff/wall-probe.tsx", 'import type { AppRouter } from "@/server/api/root";'],
  ["components/staff/wall-probe.tsx", 'import { signInInput } from "@/server/schemas/staff";'],
  ["components/h5/wall-probe.tsx", 'import { StatusBadge } from "@/components/request-views/status-badge";'],
  ["app/(customer)/requests/wall-probe.tsx", 'import { ReturnSlip } from "@/components/labels/return-slip";'],
  ["app/(staff)/dashboard/wall-probe.tsx", 'import { ReturnSlip } from "@/components/labels/return-slip";'],
  ["app/(staff)/dashboard/wall-probe.tsx", 'import { QueueList } from "@/components/staff/queue/queue-list";'],
  ["app/(staff)/login/wall-probe.tsx", 'import { DEMO_STAFF } from "@/server/auth/demo-accounts";'],
  ["scripts/wall-probe.ts", 'import { appDb } from "../server/db";'],
];

// The imported name is used so no other rule has anything to say about the sample.
const sample = (importLine: string) => {
  const name = /import (?:type )?(?:\{ )?(\w+)/.exec(importLine)?.[1] ?? "x";
  return `${importLine}\nexport const probe = [${name}];\n`;
};

describe("ESLint import walls", { timeout: 30_000 }, () => {
  it.each(blocked)("%s: rejects %s", async (file, importLine) => {
    expect(await wallErrors(file, sample(importLine))).toHaveLength(1);
  });

  it.each(allowed)("%s: allows %s", async (file, importLine) => {
    expect(await wallErrors(file, sample(importLine))).toEqual([]);
  });
});
