import { describe, expect, it } from "vitest";
import { DeadlineExceededError, isDatabaseUnavailable } from "./db-errors";

const withCode = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, cause });

describe("isDatabaseUnavailable", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "57P01", "57P03", "08006", "08001", "57014", "25P03"])(
    "%s means the database is unavailable",
    (code) => expect(isDatabaseUnavailable(withCode(code))).toBe(true),
  );

  it("looks through the causes drizzle and tRPC wrap around the driver's error", () => {
    const drizzleError = Object.assign(new Error("Failed query: select 1"), { cause: withCode("CONNECTION_CLOSED") });
    expect(isDatabaseUnavailable(new Error("tRPC", { cause: drizzleError }))).toBe(true);
  });

  it("counts a connect refused on every address (AggregateError) and a passed deadline", () => {
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]))).toBe(true);
    expect(isDatabaseUnavailable(new DeadlineExceededError(100))).toBe(true);
  });

  it("does not count a wrong query, a constraint, or an application error", () => {
    for (const code of ["23505", "23514", "42P01", "40001", "22P02"]) expect(isDatabaseUnavailable(withCode(code))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED"), new Error("other")]))).toBe(false);
  });
});
