import { formatDate } from "@/components/format";

export function DateTime({ date, prefix }: { date: Date; prefix?: string }) {
  return (
    <span>
      {prefix ? `${prefix} ` : null}
      <time dateTime={date.toISOString()}>{formatDate(date)}</time>
    </span>
  );
}
