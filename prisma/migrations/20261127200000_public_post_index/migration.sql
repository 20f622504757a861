-- What readers can see, newest first (partial: published and not hidden). List
-- counts read it alone (an index-only scan), related articles and search read
-- the newest public posts from it.
CREATE INDEX "Post_public_publishedAt_idx" ON "Post"("publishedAt" DESC, "id" DESC) WHERE status = 'PUBLISHED' AND "hiddenAt" IS NULL;
