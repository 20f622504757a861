import type { Metadata } from "next";
import { HomeView, homeMetadata, parsePage } from "@/app/_lists/views";

// `/?page=n` lands here through a rewrite (next.config.ts); cached like every public page.
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ page: string }[]> {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return homeMetadata(parsePage((await params).page));
}

export default async function HomePageN({ params }: Props) {
  return <HomeView page={parsePage((await params).page)} />;
}
