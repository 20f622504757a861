import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { isDatabaseUnavailableError, markDatabaseAvailable, markDatabaseUnavailable } from "@/lib/db/availability";

/**
 * The single Prisma client. Kept on globalThis so Next's dev server reloads
 * do not open a new pool per reload.
 *
 * Every operation reports to lib/db/availability.ts: a failure to reach the
 * server raises the "database unavailable" flag (proxy.ts then answers pages
 * that need the database with a 503), the next success lowers it.
 */
const globalForPrisma = globalThis as unknown as { broadsheetPrisma?: PrismaClient };

/** A connection attempt gives up after this long (pg's default is to wait forever on a silent network). */
const CONNECT_TIMEOUT_MS = 5_000;

const probe = () => db().$queryRaw`SELECT 1`;

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide a database.");
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const client = new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          markDatabaseAvailable();
          return result;
        } catch (error) {
          if (isDatabaseUnavailableError(error)) markDatabaseUnavailable(error, probe);
          throw error;
        }
      },
    },
  });
  // The extension changes no method signature; keep the plain client type for callers.
  return client as unknown as PrismaClient;
}

export function db(): PrismaClient {
  globalForPrisma.broadsheetPrisma ??= createClient();
  return globalForPrisma.broadsheetPrisma;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = PrismaClient | Tx;

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.broadsheetPrisma?.$disconnect();
  globalForPrisma.broadsheetPrisma = undefined;
}
