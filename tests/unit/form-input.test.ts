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

  it("keeps chosen files (an avatar) and leaves out an empty file input", () => {
    const avatar = new File([new Uint8Array([1, 2, 3])], "me.png", { type: "image/png" });
    const data = new FormData();
    data.append("displayName", "Ada");
    data.append("avatar", avatar);
    data.append("cover", new File([], ""));
    const fields = formDataToObject(data);
    expect(Object.keys(fields).sort()).toEqual(["avatar", "displayName"]);
    expect(fields.avatar).toBeInstanceOf(File);
    expect((fields.avatar as File).name).toBe("me.png");
    expect((fields.avatar as File).size).toBe(3);
  });

  it("reads datetime-local values as UTC and refuses nonsense", () => {
    expect(optionalUtcDateTime.parse("2027-03-01T09:30")?.toISOString()).toBe("2027-03-01T09:30:00.000Z");
    expect(optionalUtcDateTime.parse("")).toBeUndefined();
    expect(optionalUtcDateTime.safeParse("next tuesday").success).toBe(false);
  });
});
