import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The single Prisma client. Kept on globalThis so Next's dev server reloads
 * do not open a new pool per reload.
 */
const globalForPrisma = globalThis as unknown as { broadsheetPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide a database.");
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.broadsheetPrisma ??= createClient();
  return globalForPrisma.broadsheetPrisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = PrismaClient | Tx;

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.broadsheetPrisma?.$disconnect();
  globalForPrisma.broadsheetPrisma = undefined;
}
