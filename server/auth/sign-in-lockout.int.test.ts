/**
 * Lock-out resistance of staff sign-in (ADR 019): an attacker guessing from one address, from
 * many addresses slowly, or with no known address is stopped — refused or made to solve a proof
 * of work — while the real user, with the right password, still gets in during the attack.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { solveProof } from "../../components/staff/auth/solve-proof";
import { createTestDatabase } from "../test/db";
import { issueChallenge } from "./proof-of-work";
import { SIGN_IN_LIMITS, failureDelayMs } from "./sign-in-throttle";
import { authenticateStaff, createStaffUser } from "./staff-users";

process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";

const { db } = await createTestDatabase();
// Each proof is solved for real (fractions of a second each on a loaded machine); the stories here need several.
vi.setConfig({ testTimeout: 180_000 });
const noWait = { sleep: async () => {} };
const now = new Date("2026-11-29T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

async function proofFor(email: string, at = now) {
  return solveProof(issueChallenge(email, SIGN_IN_LIMITS.proofBits, at));
}

function attempt(email: string, password: string, ip: string | null, opts: { proof?: string; at?: Date } = {}) {
  return authenticateStaff(db, email, password, ip, { ...noWait, proof: opts.proof }, opts.at ?? now);
}

describe("an attacker at one address", () => {
  const email = "finance.one@shop.test";
  beforeAll(() => createStaffUser(db, { email, name: "陈静", password: "the real password", role: "finance" }));

  it("is refused at that address after 10 failures for the account, even with the right password and a proof", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.accountIpFailures; i++) {
      const proof = i >= SIGN_IN_LIMITS.proofAfterAccountFailures ? await proofFor(email) : undefined;
      expect(await attempt(email, `guess ${i}`, "203.0.113.9", { proof })).toBeNull();
    }
    await expect(attempt(email, "the real password", "203.0.113.9", { proof: await proofFor(email) })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("does not lock the real user out: from their own address, with the right password (and the form's proof), they get in", async () => {
    await expect(attempt(email, "the real password", "198.51.100.20")).rejects.toMatchObject({ code: "proof_required" });
    expect(await attempt(email, "the real password", "198.51.100.20", { proof: await proofFor(email) })).toMatchObject({ email });
  });

  it("waits longer after each failure from the 4th on, up to 8 s (only failures wait)", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(failureDelayMs)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("is refused for every account after 30 failures from that address", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < SIGN_IN_LIMITS.ipFailures; i++) {
      const target = `nobody-${i}@shop.test`; // new accounts each time: only the per-IP limit applies
      const proof = i >= SIGN_IN_LIMITS.proofAfterIpFailures ? await proofFor(target) : undefined;
      expect(await attempt(target, "guess", ip, { proof })).toBeNull();
    }
    await expect(attempt(email, "the real password", ip, { proof: await proofFor(email) })).rejects.toMatchObject({ code: "rate_limited" });
    // The window closes after 15 minutes.
    expect(await attempt(email, "the real password", ip, { proof: await proofFor(email, later(16)), at: later(16) })).toMatchObject({ email });
  });
});

describe("an attacker at many addresses, slowly", () => {
  const email = "admin.many@shop.test";
  beforeAll(() => createStaffUser(db, { email, name: "周敏", password: "the real password", role: "admin" }));

  it("must solve a proof of work for each guess once the account has 5 failures, and a proof works once only", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.proofAfterAccountFailures; i++) expect(await attempt(email, "guess", `192.0.2.${i + 1}`)).toBeNull();
    // A fresh address, even with the right password: no proof, no password check.
    await expect(attempt(email, "the real password", "192.0.2.100")).rejects.toMatchObject({ code: "proof_required" });
    const proof = await proofFor(email);
    expect(await attempt(email, "guess", "192.0.2.101", { proof })).toBeNull();
    await expect(attempt(email, "guess", "192.0.2.102", { proof })).rejects.toMatchObject({ code: "proof_required" });
    // A proof for another account, an expired one or a forged one is refused too.
    await expect(attempt(email, "guess", "192.0.2.103", { proof: await proofFor("someone.else@shop.test") })).rejects.toMatchObject({ code: "proof_required" });
    await expect(attempt(email, "guess", "192.0.2.104", { proof: await proofFor(email, later(-6)) })).rejects.toMatchObject({ code: "proof_required" });
    const forged = (await proofFor(email)).replace(/\.\d+\./, ".1."); // claims 1 bit of work
    await expect(attempt(email, "guess", "192.0.2.105", { proof: forged })).rejects.toMatchObject({ code: "proof_required" });
  });

  it("does not lock the real user out: 200 more slow guesses later, the right password with a proof still signs in", async () => {
    for (let i = 0; i < 200; i++) {
      await expect(attempt(email, "guess", `192.0.2.${i % 250}`)).rejects.toMatchObject({ code: "proof_required" });
    }
    expect(await attempt(email, "the real password", "198.51.100.30", { proof: await proofFor(email) })).toMatchObject({ email });
  });
});

describe("no known client address", () => {
  const email = "finance.unknown@shop.test";
  beforeAll(() => createStaffUser(db, { email, name: "刘洋", password: "the real password", role: "finance" }));

  it("shares one bucket that asks for proof but never refuses, so the real user (also unknown) still gets in", async () => {
    for (let i = 0; i < 12; i++) {
      const proof = i >= SIGN_IN_LIMITS.proofAfterAccountFailures ? await proofFor(email) : undefined;
      expect(await attempt(email, `guess ${i}`, null, { proof })).toBeNull();
    }
    await expect(attempt(email, "the real password", null)).rejects.toMatchObject({ code: "proof_required" });
    expect(await attempt(email, "the real password", null, { proof: await proofFor(email) })).toMatchObject({ email });
  });
});

describe("successes do not count", () => {
  it("a user signing in 50 times in 15 minutes from one address is never slowed or refused", async () => {
    const email = "busy@shop.test";
    await createStaffUser(db, { email, name: "王强", password: "the real password", role: "operations_manager" });
    for (let i = 0; i < 50; i++) expect(await attempt(email, "the real password", "127.0.0.1")).toMatchObject({ email });
    // A few typos among them are fine too.
    for (let i = 0; i < 3; i++) expect(await attempt(email, "typo", "127.0.0.1")).toBeNull();
    expect(await attempt(email, "the real password", "127.0.0.1")).toMatchObject({ email });
  });
});
