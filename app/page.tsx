import type { Metadata } from "next";
import { HomeView, homeMetadata } from "@/app/_lists/views";

// Static and cached; `/?page=n` is rewritten to /page/n (next.config.ts).
export function generateMetadata(): Promise<Metadata> {
  return homeMetadata(1);
}

export default function HomePage() {
  return <HomeView page={1} />;
}
