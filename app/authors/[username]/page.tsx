import type { Metadata } from "next";
import { AuthorView, authorMetadata } from "@/app/_lists/views";

// Static and cached; `?page=n` is rewritten to ./page/n (next.config.ts).
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ username: string }[]> {
  return [];
}

type Props = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).username, 1);
}

export default async function Page({ params }: Props) {
  return <AuthorView username={(await params).username} page={1} />;
}
