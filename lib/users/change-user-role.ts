import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { assertNotLastAdmin, assertStillAllowed, lockActiveAdmins, lockUser } from "@/lib/users/last-admin";

export const changeRoleInput = z.object({
  userId: z.string().min(1),
  role: z.enum(["READER", "CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN"], { message: "Choose a role." }),
});

/** Changes a user's role. The last active admin cannot be demoted (checked under lock). */
export async function changeUserRole({ actor, input }: { actor: Actor; input: z.input<typeof changeRoleInput> }) {
  assertCan(actor, "user.changeRole");
  const { userId, role } = parseInput(changeRoleInput, input);
  return db().$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    await assertStillAllowed(tx, actor, ["ADMIN"]);
    const user = await lockUser(tx, userId);
    if (user.role === role) return user;
    if (user.role === "ADMIN") assertNotLastAdmin(admins, user.id, "demoted");
    const updated = await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, { actorId: actor.id, action: "user.changeRole", targetType: "user", targetId: user.id, changes: { role: { from: user.role, to: role } } });
    return updated;
  });
}
