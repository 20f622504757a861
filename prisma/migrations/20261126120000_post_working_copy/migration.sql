-- Working copies of published posts (unpublished changes). Existing posts
-- start without one, so nothing changes for readers.

-- CreateTable
CREATE TABLE "PostWorkingCopy" (
    "postId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "categoryId" TEXT,
    "tagIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "coverMediaId" TEXT,
    "coverAltText" TEXT NOT NULL DEFAULT '',
    "coverCaption" TEXT NOT NULL DEFAULT '',
    "coverCredit" TEXT NOT NULL DEFAULT '',
    "baseVersion" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostWorkingCopy_pkey" PRIMARY KEY ("postId")
);

-- CreateIndex
CREATE INDEX "PostWorkingCopy_slug_idx" ON "PostWorkingCopy"("slug");

-- CreateIndex
CREATE INDEX "PostWorkingCopy_submittedAt_idx" ON "PostWorkingCopy"("submittedAt");

-- AddForeignKey
ALTER TABLE "PostWorkingCopy" ADD CONSTRAINT "PostWorkingCopy_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostWorkingCopy" ADD CONSTRAINT "PostWorkingCopy_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostWorkingCopy" ADD CONSTRAINT "PostWorkingCopy_coverMediaId_fkey" FOREIGN KEY ("coverMediaId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostWorkingCopy" ADD CONSTRAINT "PostWorkingCopy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
