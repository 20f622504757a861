declare const sql: { CHANNEL: string; NOTIFY_CHUNK: number; RECORD_AND_NOTIFY_SQL: string };
export = sql;
