-- The audit log is append-only: the application never edits or deletes rows,
-- and the database refuses it too (UPDATE, DELETE and TRUNCATE). A user who
-- appears in the log as an actor therefore cannot be deleted (the foreign
-- key's SET NULL would be an UPDATE): suspend such accounts instead.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only (% on "AuditLog" refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
