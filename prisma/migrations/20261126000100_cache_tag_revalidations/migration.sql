-- CreateTable
CREATE TABLE "CacheTagRevalidation" (
    "tag" TEXT NOT NULL,
    "revalidatedAtMs" BIGINT NOT NULL,
    "expireSeconds" INTEGER,

    CONSTRAINT "CacheTagRevalidation_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "CacheTagRevalidation_revalidatedAtMs_idx" ON "CacheTagRevalidation"("revalidatedAtMs");
