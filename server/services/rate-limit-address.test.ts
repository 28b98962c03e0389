import { describe, expect, it } from "vitest";
import { rateLimitAddress } from "./rate-limit";

describe("rateLimitAddress", () => {
  it("counts IPv4 per address", () => {
    expect(rateLimitAddress("203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts IPv6 per /64: a subscriber's fresh addresses share one bucket", () => {
    expect(rateLimitAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitAddress("2001:db8:1:3::1")).not.toBe(rateLimitAddress("2001:db8:1:2::1"));
  });

  it("leaves anything else alone", () => {
    expect(rateLimitAddress("unknown")).toBe("unknown");
  });
});
