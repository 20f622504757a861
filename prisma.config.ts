import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI wants a native schema engine it cannot download offline; `generate`
// only needs the variable to name an existing file (see shared FACTS.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // env("DATABASE_URL") would throw when unset; generate does not need it.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/broadsheet" },
});
