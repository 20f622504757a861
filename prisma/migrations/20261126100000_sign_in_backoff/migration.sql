-- CreateTable
CREATE TABLE "SignInBackoff" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "blockedUntil" TIMESTAMP(3) NOT NULL,
    "lastAttemptAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInBackoff_pkey" PRIMARY KEY ("key")
);
