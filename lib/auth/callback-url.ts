/** Only same-site paths: never redirect a signed-in user to another origin. */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/dashboard/posts"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
