import { listRoute } from "@/app/_lists/views";

const route = listRoute("home");

// `/?page=n` lands here through a rewrite (next.config.ts); cached like every public page.
export const dynamicParams = true;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
