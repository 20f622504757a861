import { describe, expect, it } from "vitest";
import { readFormDataWithLimit } from "@/lib/actions/route-helpers";
import { AppError, isAppError } from "@/lib/errors";

const MB = 1024 * 1024;
const tooLarge = (bytes: number) => new AppError("INVALID", `too large: ${bytes}`);

/** A chunked body (no Content-Length) that counts how much of it was ever read. */
function chunkedUpload(totalBytes: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/api/uploads", {
    method: "POST",
    body,
    headers: { "Content-Type": "multipart/form-data; boundary=x" },
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("request bodies are limited while they stream", () => {
  it("stops reading a chunked upload as soon as it passes the limit", async () => {
    const upload = chunkedUpload(30 * MB);
    expect(upload.request.headers.get("content-length")).toBeNull();
    const error = await readFormDataWithLimit(upload.request, 1 * MB, tooLarge).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("INVALID");
    // Read just past the limit, never the 30 MB.
    expect(upload.pulled()).toBeLessThan(2 * MB);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://localhost/api/uploads", { method: "POST", body: "x", headers: { "Content-Length": String(5 * MB) } });
    await expect(readFormDataWithLimit(request, 1 * MB, tooLarge)).rejects.toThrow(/too large: 5242880/);
  });

  it("parses a form within the limit", async () => {
    const form = new FormData();
    form.set("altText", "A tram");
    form.set("file", new File([new Uint8Array(1000)], "a.jpg", { type: "image/jpeg" }));
    const request = new Request("http://localhost/api/uploads", { method: "POST", body: form });
    const parsed = await readFormDataWithLimit(request, 1 * MB, tooLarge);
    expect(parsed.get("altText")).toBe("A tram");
    expect((parsed.get("file") as File).size).toBe(1000);
  });

  it("answers a body that is not a form with INVALID", async () => {
    const request = new Request("http://localhost/api/uploads", { method: "POST", body: "nonsense", headers: { "Content-Type": "multipart/form-data; boundary=x" } });
    await expect(readFormDataWithLimit(request, 1 * MB, tooLarge)).rejects.toThrow(/not a valid form/);
  });
});
