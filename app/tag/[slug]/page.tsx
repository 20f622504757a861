import { listRoute } from "@/app/_lists/views";

const route = listRoute("tag");

// Static and cached; `?page=n` is rewritten to ./page/n (next.config.ts).
export const dynamicParams = true;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
