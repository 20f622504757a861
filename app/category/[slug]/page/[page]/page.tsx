import type { Metadata } from "next";
import { CategoryView, categoryMetadata, parsePage } from "@/app/_lists/views";

export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string; page: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return categoryMetadata(slug, parsePage(page));
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <CategoryView slug={slug} page={parsePage(page)} />;
}
