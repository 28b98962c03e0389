"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { format } from "@/components/format";
import type { H5Messages } from "@/components/i18n/h5-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { api, failureOf } from "./api";
import { extractCode, normalisePhone } from "./phone";
import { solveChallenge } from "./solve-challenge";

type ChallengeSolution = { token: string; nonce: string };

/**
 * Runs `call`; when the server asks for a proof-of-work check (after many attempts from this
 * network or for this phone), solves one in the browser and calls again with it. Once more if the
 * solution came too late, never more: a refusal after that is shown like any other.
 */
async function withChallenge<T>(purpose: "sms" | "verify", call: (challenge?: ChallengeSolution) => Promise<T>, onChecking: () => void): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (failureOf(e, "").appCode !== "challenge_required") throw e;
  }
  for (let attempt = 0; ; attempt++) {
    onChecking();
    const challenge = await api.customer.challenge.mutate({ purpose });
    try {
      return await call(await solveChallenge(challenge));
    } catch (e) {
      if (attempt > 0 || failureOf(e, "").appCode !== "challenge_invalid") throw e;
    }
  }
}

export type FindTab = "order" | "requests";

interface Sent {
  phone: string;
  /** As the API returns it: pages never mask numbers themselves. */
  maskedPhone: string;
  orderNo: string | undefined;
  expiresInSeconds: number;
  demoCode?: string;
}

/**
 * Order number (or not) + phone → SMS code → verified. One small island: it talks to the API
 * with plain tRPC calls and leaves with a full page load, so the next page renders signed in.
 */
export function FindOrderForm({ t, initialTab, initialOrderNo }: { t: H5Messages["entry"]; initialTab: FindTab; initialOrderNo: string }) {
  const uid = useId();
  const [tab, setTab] = useState<FindTab>(initialTab);
  const [orderNo, setOrderNo] = useState(initialOrderNo);
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState<Sent | null>(null);
  const [resendLeft, setResendLeft] = useState(0);
  const [pending, setPending] = useState<"send" | "verify" | "check" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const codeRef = useRef<HTMLInputElement>(null);
  const lastTried = useRef<string | null>(null);

  // The code field appears once a code is on its way: put the cursor there for typing or auto-fill.
  useEffect(() => {
    if (sent) codeRef.current?.focus();
  }, [sent]);

  useEffect(() => {
    if (resendLeft <= 0) return;
    const timer = setTimeout(() => setResendLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [resendLeft]);

  const switchTab = (next: FindTab) => {
    if (next === tab) return;
    setTab(next);
    setSent(null);
    setCode("");
    setError(null);
    setFieldErrors({});
  };

  const sendCode = async () => {
    if (pending) return;
    setPending("send");
    setError(null);
    setFieldErrors({});
    const wanted = { phone: normalisePhone(phone), orderNo: tab === "order" ? orderNo.trim() : undefined };
    try {
      const res = await withChallenge("sms", (challenge) => api.customer.requestCode.mutate({ ...wanted, challenge }), () => setPending("check"));
      setSent({ ...wanted, maskedPhone: res.maskedPhone, expiresInSeconds: res.expiresInSeconds, demoCode: res.demoCode });
      setResendLeft(res.resendAfterSeconds);
      setCode("");
      lastTried.current = null;
    } catch (e) {
      const f = failureOf(e, t.network);
      setFieldErrors(f.fieldErrors);
      if (Object.keys(f.fieldErrors).length === 0 || f.appCode !== "validation") setError(f.message);
    } finally {
      setPending(null);
    }
  };

  const verify = async (value: string) => {
    if (!sent || pending) return;
    lastTried.current = value;
    setPending("verify");
    setError(null);
    setFieldErrors({});
    try {
      await withChallenge("verify", (challenge) => api.customer.verifyCode.mutate({ phone: sent.phone, code: value, challenge }), () => setPending("check"));
      // A full load: the layout (who is signed in) and the next page both read the new cookie.
      window.location.assign(sent.orderNo ? `/orders/${encodeURIComponent(sent.orderNo)}/return` : "/requests");
      return;
    } catch (e) {
      const f = failureOf(e, t.network);
      if (f.appCode === "code_expired" || f.appCode === "code_attempts_exceeded") {
        setCode("");
        setResendLeft(0);
      }
      setFieldErrors(f.fieldErrors.code ? { code: f.fieldErrors.code } : { code: f.message });
    }
    setPending(null);
  };

  const onCodeChange = (raw: string) => {
    const value = extractCode(raw);
    setCode(value);
    if (fieldErrors.code) setFieldErrors({});
    // Auto-fill and paste hand over all six digits at once: go straight on (once per code typed).
    if (value.length < 6) lastTried.current = null;
    else if (value !== lastTried.current) void verify(value);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!sent) void sendCode();
    else void verify(code);
  };


  return (
    <Card radius="2xl" padding="none">
      <div role="tablist" aria-label={t.tabsLabel} className="grid grid-cols-2 gap-1 rounded-t-2xl border-b border-slate-200 bg-slate-50 p-1">
        {(["order", "requests"] as const).map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`${uid}-tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`${uid}-panel`}
            tabIndex={tab === key ? 0 : -1}
            onClick={() => switchTab(key)}
            onKeyDown={(e) => {
              if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
                const other = key === "order" ? "requests" : "order";
                switchTab(other);
                document.getElementById(`${uid}-tab-${other}`)?.focus();
              }
            }}
            className={`min-h-11 rounded-xl px-2 text-base font-semibold transition-colors ${
              tab === key ? "bg-white text-accent-800 shadow-sm ring-1 ring-slate-200" : "text-slate-700 hover:text-slate-900"
            }`}
          >
            {t.tabs[key]}
          </button>
        ))}
      </div>

      <form id={`${uid}-panel`} role="tabpanel" aria-labelledby={`${uid}-tab-${tab}`} noValidate onSubmit={onSubmit} className="space-y-4 p-4">
        <p className="text-sm text-slate-600">{tab === "order" ? t.intro : t.requestsIntro}</p>

        {error && <Alert>{error}</Alert>}
        {/* The proof-of-work check can take a moment: say so to screen readers as well as on the button. */}
        <p role="status" className="sr-only">
          {pending === "check" ? t.checking : ""}
        </p>

        {tab === "order" && (
          <Field label={t.orderNo} hint={t.orderNoHint} error={fieldErrors.orderNo}>
            {(field) => (
              <input
                {...field}
                name="orderNo"
                value={orderNo}
                onChange={(e) => {
                  setOrderNo(e.target.value);
                  setSent(null);
                }}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                placeholder={t.orderNoPlaceholder}
                className={`${inputClass} font-mono tracking-wide`}
              />
            )}
          </Field>
        )}

        <Field label={t.phone} error={fieldErrors.phone}>
          {(field) => (
            <input
              {...field}
              name="phone"
              type="tel"
              inputMode="numeric"
              autoComplete="tel-national"
              value={phone}
              onChange={(e) => {
                setPhone(e.target.value);
                setSent(null);
              }}
              placeholder={t.phonePlaceholder}
              className={`${inputClass} tabular-nums`}
            />
          )}
        </Field>

        {!sent ? (
          <button type="submit" disabled={pending !== null} aria-busy={pending !== null} className={buttonClass("primary", "w-full text-base")}>
            {pending !== null && <Spinner />}
            {pending === "check" ? t.checking : pending === "send" ? t.sending : t.sendCode}
          </button>
        ) : (
          <>
            <p className="text-sm text-slate-700" aria-live="polite">
              {format(t.codeSent, { phone: sent.maskedPhone, min: Math.round(sent.expiresInSeconds / 60) })}
            </p>
            {sent.demoCode && (
              <div className="flex items-center gap-3 rounded-lg border border-dashed border-accent-600/50 bg-accent-50 px-3 py-2 text-sm text-slate-800">
                <p className="flex-1">
                  <span className="font-semibold">{t.demoTitle}</span> · {t.demoBody}{" "}
                  <code data-testid="demo-code" className="rounded bg-white px-1.5 py-0.5 font-mono text-base font-semibold tracking-widest text-slate-900 ring-1 ring-slate-200">
                    {sent.demoCode}
                  </code>
                </p>
                <button type="button" onClick={() => onCodeChange(sent.demoCode ?? "")} className={buttonClass("secondary", "shrink-0")}>
                  {t.demoFill}
                </button>
              </div>
            )}
            <Field label={t.code} error={fieldErrors.code}>
              {(field) => (
                <div className="flex gap-2">
                  <input
                    {...field}
                    ref={codeRef}
                    name="code"
                    type="text"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    pattern="[0-9]*"
                    value={code}
                    onChange={(e) => onCodeChange(e.target.value)}
                    placeholder={t.codePlaceholder}
                    className={`${inputClass} min-w-0 flex-1 font-mono text-lg tracking-[0.3em] placeholder:font-sans placeholder:text-base placeholder:tracking-normal`}
                  />
                  <button
                    type="button"
                    onClick={() => void sendCode()}
                    disabled={resendLeft > 0 || pending !== null}
                    className={buttonClass("secondary", "shrink-0 px-3 whitespace-nowrap tabular-nums")}
                  >
                    {resendLeft > 0 ? format(t.resendIn, { s: resendLeft }) : t.resend}
                  </button>
                </div>
              )}
            </Field>
            <button type="submit" disabled={pending !== null || code.length !== 6} aria-busy={pending === "verify" || pending === "check"} className={buttonClass("primary", "w-full text-base")}>
              {(pending === "verify" || pending === "check") && <Spinner />}
              {pending === "check" ? t.checking : pending === "verify" ? t.verifying : t.verify}
            </button>
          </>
        )}
      </form>
    </Card>
  );
}
