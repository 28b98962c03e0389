/**
 * A short, human name for a browser from its User-Agent ("iPhone · WeChat"): enough to tell
 * one's own devices apart, not a fingerprint. Unknown parts are left out.
 */
export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const ua = userAgent;
  const device = /iPhone/.test(ua)
    ? "iPhone"
    : /iPad/.test(ua)
      ? "iPad"
      : /Android/.test(ua)
        ? "Android"
        : /Windows/.test(ua)
          ? "Windows"
          : /Macintosh|Mac OS X/.test(ua)
            ? "Mac"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  const app = /MicroMessenger/.test(ua)
    ? "WeChat"
    : /AlipayClient/.test(ua)
      ? "Alipay"
      : /Edg\//.test(ua)
        ? "Edge"
        : /Chrome\//.test(ua)
          ? "Chrome"
          : /Firefox\//.test(ua)
            ? "Firefox"
            : /Safari\//.test(ua)
              ? "Safari"
              : null;
  const name = [device, app].filter(Boolean).join(" · ");
  return name || null;
}
