import { z } from "zod";

/**
 * A yes/no that arrives as a boolean (JSON, server actions) or as the text
 * "true"/"false" (an HTML form's button value): one schema for both adapters.
 */
export const booleanField = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);
