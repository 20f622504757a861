import type { Metadata } from "next";
import { TagView, tagMetadata, parsePage } from "@/app/_lists/views";

export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string; page: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return tagMetadata(slug, parsePage(page));
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <TagView slug={slug} page={parsePage(page)} />;
}
