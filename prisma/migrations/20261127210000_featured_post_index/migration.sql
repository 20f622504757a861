-- The home page's lead, the newest featured post: without it, finding one scanned the whole table.
CREATE INDEX "Post_featured_status_publishedAt_idx" ON "Post"("featured", "status", "publishedAt");
