import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { loadPostOr404 } from "../load-post";
import { PreviewView } from "./preview-view";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

export default async function PostPreviewRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("dashboard.access", `/dashboard/posts/${id}/preview`);
  return <PreviewView post={await loadPostOr404(actor, id)} />;
}
