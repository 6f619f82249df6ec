-- Retention (docs/reliability.md): each copy of a batch that `perfpipeline purge` removed from the archive or the
-- quarantine once it was older than the retention period. The copies hold the LA's raw files; the warehouse keeps
-- what it loaded. A load listed here can no longer be replayed, and replay says so. No foreign key to audit_load: a
-- rejected or held batch's copy has no load row. Same columns as sql/sqlite/0013_audit_purge.sql.

CREATE TABLE dbo.audit_purge (
    load_id           nvarchar(64)  NOT NULL,  -- the copy's folder: {archive|quarantine}/{la}/{as_at}/{load_id}/
    copy_kind         nvarchar(10)  NOT NULL,
    la_code           nvarchar(10)  NOT NULL,
    as_at             date          NOT NULL,
    copied_at         datetime2(3)  NOT NULL,  -- UTC: when the copy was written
    purged_at         datetime2(3)  NOT NULL,  -- UTC
    retention_months  int           NOT NULL,  -- PerfPipeline__Retention__Months at the time
    CONSTRAINT pk_audit_purge PRIMARY KEY CLUSTERED (load_id, copy_kind),
    CONSTRAINT ck_audit_purge_copy_kind CHECK (copy_kind IN (N'archive', N'quarantine'))
);
GO
