import "server-only";
import { z } from "zod";
import { defineUseCase, unseen } from "@/lib/use-case";
import { imageDetailsInput, uploadImage } from "@/lib/media/upload-image";

const CHOOSE_AN_IMAGE = "Choose an image to upload.";

/** The editor's upload form: the file and its details. */
export const uploadMediaInput = imageDetailsInput.extend({
  file: z.instanceof(Blob, { message: CHOOSE_AN_IMAGE }).refine((file) => file.size > 0, CHOOSE_AN_IMAGE),
});

/**
 * An author uploads an image for their posts (POST /api/uploads). Stored and
 * recorded by uploadImage; readers see nothing until a post that uses it goes live.
 */
export const uploadMedia = defineUseCase({
  id: "media.upload",
  input: uploadMediaInput,
  permission: "media.upload",
  async run(actor, { file, ...details }) {
    return unseen(await uploadImage({ actor, data: Buffer.from(await file.arrayBuffer()), details }));
  },
});
