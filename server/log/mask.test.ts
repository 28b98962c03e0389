import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { censor, maskPhone, maskPhonesIn, redactPaths, REDACTED } from "./mask";

describe("maskPhone", () => {
  it("keeps the first three and last four digits of a mainland mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138 1234 5678")).toBe("138****5678");
  });

  it("never returns anything else whole", () => {
    expect(maskPhone("12345")).toBe("***");
    expect(maskPhone("someone@example.com")).toBe("som***om");
  });
});

describe("maskPhonesIn", () => {
  it("masks every mobile number inside text but leaves longer digit runs (order numbers) alone", () => {
    expect(maskPhonesIn("sent to 13812345678 and +8615900001111")).toBe("sent to 138****5678 and 159****1111");
    expect(maskPhonesIn("order 2026113013812345678")).toBe("order 2026113013812345678");
  });
});

describe("redaction in a pino logger", () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { lines, logger: pino({ redact: { paths: redactPaths(), censor } }, out) };
  }

  it("masks phone fields and drops codes, tokens and passwords, also one and two levels down", () => {
    const { lines, logger } = capture();
    logger.info({ phone: "13812345678", code: "123456", customer: { phone: "13900001111", token: "t0k3n" }, job: { data: { password: "p" } } }, "signed in");
    const [line] = lines;
    expect(line).toMatchObject({ phone: "138****5678", code: REDACTED, customer: { phone: "139****1111", token: REDACTED }, job: { data: { password: REDACTED } } });
    expect(JSON.stringify(line)).not.toMatch(/13812345678|123456|t0k3n/);
  });
});
