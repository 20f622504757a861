-- Trigram matching for ILIKE '%…%' title searches (a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");

-- CreateIndex
CREATE INDEX "Post_title_idx" ON "Post" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "TaxonomyRedirect_kind_toSlug_idx" ON "TaxonomyRedirect"("kind", "toSlug");

-- My Posts pages by id from the index alone (replaces authorId, updatedAt).
DROP INDEX "Post_authorId_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Post_authorId_updatedAt_id_idx" ON "Post"("authorId", "updatedAt", "id");
