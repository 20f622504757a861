import { z } from "zod";
import { db, type DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { roleSchema } from "@/lib/users/roles";
import { Prisma, type User } from "@/generated/prisma/client";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(30, "Use at most 30 characters.")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lowercase letters, digits, hyphens and underscores, starting with a letter or digit.");

export const usernameTaken = () => new AppError("CONFLICT", "That username is taken.", { username: ["That username is taken."] }, { taken: "username" });

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  username: usernameSchema,
  displayName: z.string().trim().min(1, "Enter a display name.").max(80, "Use at most 80 characters."),
  password: z.string(),
  role: roleSchema.default("READER"),
  bio: z.string().trim().max(1000).default(""),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/**
 * Creates an account with a hashed password. No authorization here: callers
 * decide who may create which role (registration only ever passes READER).
 */
export async function createUser(input: CreateUserInput, tx: DbOrTx = db()): Promise<User> {
  const data = parseInput(createUserInput, input);
  const problem = passwordProblem(data.password, { email: data.email, username: data.username });
  if (problem) throw new AppError("INVALID", problem, { password: [problem] });

  try {
    return await tx.user.create({
      data: {
        email: data.email,
        username: data.username,
        displayName: data.displayName,
        role: data.role,
        bio: data.bio,
        passwordHash: await hashPassword(data.password),
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      // `details.taken` lets public registration tell the two apart without matching messages.
      if (target.includes("email")) throw new AppError("CONFLICT", "An account with that email already exists.", { email: ["An account with that email already exists."] }, { taken: "email" });
      throw usernameTaken();
    }
    throw error;
  }
}
