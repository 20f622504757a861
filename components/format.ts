/**
 * The one place dates and times are written for people: always en-GB and UTC,
 * so the server's and the browser's renderings agree (no hydration mismatch)
 * and every page names the same time the same way.
 */
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const dateTimeSecondsFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

type DateInput = Date | string | number;

/** "5 January 2026" */
export function formatDate(date: DateInput): string {
  return dateFormat.format(new Date(date));
}

/** "5 Jan 2026, 14:05 UTC"; with seconds (revisions saved minutes apart): "5 Jan 2026, 14:05:09 UTC" */
export function formatDateTime(date: DateInput, options: { seconds?: boolean } = {}): string {
  return `${(options.seconds ? dateTimeSecondsFormat : dateTimeFormat).format(new Date(date))} UTC`;
}
