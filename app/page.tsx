import { listRoute } from "@/app/_lists/views";

const route = listRoute("home");

// Static and cached; `/?page=n` is rewritten to /page/n (next.config.ts).
export const generateMetadata = route.generateMetadata;
export default route.Page;
