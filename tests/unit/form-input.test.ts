import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, formList } from "@/lib/actions/form-action";
import { optionalUtcDateTime } from "@/lib/actions/utc-datetime";

describe("form input parsing", () => {
  it("keeps repeated keys (checkboxes) as arrays and single ones as strings", () => {
    const data = new FormData();
    data.append("commentIds", "a");
    data.append("commentIds", "b");
    data.append("decision", "spam");
    data.append("$ACTION_ID_123", "");
    expect(formDataToObject(data)).toEqual({ commentIds: ["a", "b"], decision: "spam" });
    const schema = z.object({ commentIds: formList });
    expect(schema.parse({ commentIds: "a" })).toEqual({ commentIds: ["a"] });
    expect(schema.parse({})).toEqual({ commentIds: [] });
  });

  it("reads datetime-local values as UTC and refuses nonsense", () => {
    expect(optionalUtcDateTime.parse("2027-03-01T09:30")?.toISOString()).toBe("2027-03-01T09:30:00.000Z");
    expect(optionalUtcDateTime.parse("")).toBeUndefined();
    expect(optionalUtcDateTime.safeParse("next tuesday").success).toBe(false);
  });
});
