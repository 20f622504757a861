import { z } from "zod";
import { ROLES } from "@/lib/authz/permissions";

/** A role chosen in a form or passed to a use case: one of ROLES, the one list. */
export const roleSchema = z.enum(ROLES, { message: "Choose a role." });
