import { cache } from "react";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isAppError } from "../domain/errors";
import { env } from "../env";
import { appDb } from "../db";
import { signInInput } from "../schemas/staff";
import { clientIp } from "./client-ip";
import { activeStaff, authenticateStaff, endStaffSession, startStaffSession, type StaffUser } from "./staff-users";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

/** Too many failures for this account or address: the form must solve a challenge first (ADR 019). */
class ProofRequired extends CredentialsSignin {
  code = "proof_required";
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    staffId?: string;
    sessionVersion?: number;
    sessionId?: string;
  }
}

const SESSION_MAX_AGE = 12 * 3600;

/**
 * Staff sign-in. Auth.js allows only JWT sessions with credentials (docs/product-rules.md, platform facts), so the JWT
 * holds the user id and sessionVersion, and every request re-reads the user (currentStaff):
 * disabling a user or changing their role ends their session at once. Finance and admin then
 * pass a second factor on /two-factor (the session row records it; ADR 019).
 */
function config(): NextAuthConfig {
  return {
    secret: env().AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/login" },
    logger: {
      // A wrong password is an answer, not an incident: keep stack traces for real errors.
      error(error) {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error(error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, proof: {} },
        async authorize(raw, request) {
          const parsed = signInInput.safeParse(raw);
          if (!parsed.success) return null;
          const proof = typeof raw.proof === "string" && raw.proof.length > 0 && raw.proof.length < 300 ? raw.proof : undefined;
          try {
            const user = await authenticateStaff(appDb(), parsed.data.email, parsed.data.password, clientIp(request.headers), { proof });
            if (!user) return null;
            // A server-side session row per sign-in, so signing out can end this token for good (ADR 009).
            const sessionId = await startStaffSession(appDb(), user.id, SESSION_MAX_AGE);
            return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, sessionId };
          } catch (e) {
            if (isAppError(e) && e.code === "rate_limited") throw new RateLimited();
            if (isAppError(e) && e.code === "proof_required") throw new ProofRequired();
            throw e;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion;
          token.sid = user.sessionId;
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.staffId = token.uid;
        if (typeof token.sv === "number") session.sessionVersion = token.sv;
        if (typeof token.sid === "string") session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      // Clearing the cookie is not enough: a copy of the token would still work until it expires.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endStaffSession(appDb(), sid);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());

/**
 * The signed-in staff user, re-checked against the database; null when signed out or revoked.
 * Cached per server request, so a layout and a page share one read.
 */
export const currentStaff = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  if (!session?.staffId || session.sessionVersion === undefined || !session.sessionId) return null;
  return activeStaff(appDb(), session.staffId, session.sessionVersion, session.sessionId);
});
