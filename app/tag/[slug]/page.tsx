import type { Metadata } from "next";
import { TagView, tagMetadata } from "@/app/_lists/views";

// Static and cached; `?page=n` is rewritten to ./page/n (next.config.ts).
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug, 1);
}

export default async function Page({ params }: Props) {
  return <TagView slug={(await params).slug} page={1} />;
}
