import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { env } from "@/lib/env";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { isAppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";

/**
 * next-auth with stateless JWT sessions (work across instances and restarts).
 * The token carries the user id and sessionVersion; lib/auth/session.ts checks
 * both against the database on every request, so suspension or a password
 * change ends sessions at once.
 */
export function authOptions(): NextAuthOptions {
  const config = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          const user = await signInWithPassword(credentials ?? {}, clientIp(request?.headers, config.TRUSTED_PROXIES));
          return { id: user.id, sessionVersion: user.sessionVersion };
        } catch (error) {
          // next-auth shows this message on the sign-in form.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }
  return {
    secret: config.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login" },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        // OAuth: only existing, active accounts with the same verified email may sign in.
        const email = user.email?.toLowerCase();
        if (!email) return false;
        const existing = await db().user.findUnique({ where: { email } });
        return !!existing && existing.status === "ACTIVE";
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "credentials") {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        } else if (user && account) {
          const existing = await db().user.findUnique({ where: { email: user.email!.toLowerCase() } });
          if (existing) {
            token.sub = existing.id;
            token.sv = existing.sessionVersion;
          }
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sessionVersion: token.sv };
      },
    },
  };
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}
