import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase, unseen } from "@/lib/use-case";
import { roleSchema } from "@/lib/users/roles";
import { recordAudit } from "@/lib/audit/record";
import { assertNotLastAdmin, assertStillAllowed, lockActiveAdmins, lockUser } from "@/lib/users/last-admin";

export const changeRoleInput = z.object({
  userId: z.string().min(1),
  role: roleSchema,
});

/**
 * Changes a user's role. The last active admin cannot be demoted (checked
 * under lock). Readers never see roles, and published posts stay published
 * whatever their author's role becomes.
 */
export const changeUserRole = defineUseCase({
  id: "user.changeRole",
  input: changeRoleInput,
  permission: "user.changeRole",
  async run(actor, { userId, role }) {
    return db().$transaction(async (tx) => {
      const admins = await lockActiveAdmins(tx);
      await assertStillAllowed(tx, actor, ["ADMIN"]);
      const user = await lockUser(tx, userId);
      if (user.role === role) return unseen(user);
      if (user.role === "ADMIN") assertNotLastAdmin(admins, user.id, "demoted");
      const updated = await tx.user.update({ where: { id: user.id }, data: { role } });
      await recordAudit(tx, { actorId: actor.id, action: "user.changeRole", targetType: "user", targetId: user.id, changes: { role: { from: user.role, to: role } } });
      return unseen(updated);
    });
  },
});
