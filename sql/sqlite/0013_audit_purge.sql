-- Retention (docs/reliability.md): each copy of a batch that `perfpipeline purge` removed from the archive or
-- the quarantine once it was older than the retention period. The copies hold the LA's raw files; the warehouse
-- keeps what it loaded. A load listed here can no longer be replayed, and replay says so. No foreign key to
-- audit_load: a rejected or held batch's copy has no load row. Same columns as sql/sqlserver/0013_audit_purge.sql.

CREATE TABLE audit_purge (
    load_id           TEXT    NOT NULL,                -- the copy's folder: {archive|quarantine}/{la}/{as_at}/{load_id}/
    copy_kind         TEXT    NOT NULL CHECK (copy_kind IN ('archive', 'quarantine')),
    la_code           TEXT    NOT NULL,
    as_at             TEXT    NOT NULL,                -- yyyy-MM-dd
    copied_at         TEXT    NOT NULL,                -- UTC, ISO 8601: when the copy was written
    purged_at         TEXT    NOT NULL,                -- UTC, ISO 8601
    retention_months  INTEGER NOT NULL,                -- PerfPipeline__Retention__Months at the time
    PRIMARY KEY (load_id, copy_kind)
);
