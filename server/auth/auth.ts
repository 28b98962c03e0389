import { cache } from "react";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isAppError } from "../domain/errors";
import { env } from "../env";
import { appDb } from "../db";
import { signInInput } from "../schemas/staff";
import { clientIp } from "./client-ip";
import { activeStaff, authenticateStaff, type StaffUser } from "./staff-users";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    staffId?: string;
    sessionVersion?: number;
  }
}

/**
 * Staff sign-in. Auth.js allows only JWT sessions with credentials (STACK.md), so the JWT
 * holds the user id and sessionVersion, and every request re-reads the user (currentStaff):
 * disabling a user or changing their role ends their session at once.
 */
function config(): NextAuthConfig {
  return {
    secret: env().AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 12 * 3600 },
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
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = signInInput.safeParse(raw);
          if (!parsed.success) return null;
          try {
            const user = await authenticateStaff(appDb(), parsed.data.email, parsed.data.password, clientIp(request.headers));
            return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
          } catch (e) {
            if (isAppError(e) && e.code === "rate_limited") throw new RateLimited();
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
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.staffId = token.uid;
        if (typeof token.sv === "number") session.sessionVersion = token.sv;
        return session;
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
  if (!session?.staffId || session.sessionVersion === undefined) return null;
  return activeStaff(appDb(), session.staffId, session.sessionVersion);
});
