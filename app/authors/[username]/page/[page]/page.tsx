import type { Metadata } from "next";
import { AuthorView, authorMetadata, parsePage } from "@/app/_lists/views";

export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ username: string; page: string }[]> {
  return [];
}

type Props = { params: Promise<{ username: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username, page } = await params;
  return authorMetadata(username, parsePage(page));
}

export default async function Page({ params }: Props) {
  const { username, page } = await params;
  return <AuthorView username={username} page={parsePage(page)} />;
}
