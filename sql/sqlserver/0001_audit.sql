-- Load audit: one row per load (a batch keyed by LA, as_at and the manifest's SHA-256), its per-dataset
-- counts and every validation issue it carried. Same tables and columns as sql/sqlite/0001_audit.sql.
-- "load" is a reserved word in T-SQL, hence the audit_ prefix (same names in both dialects).

CREATE TABLE dbo.audit_load (
    load_id          nvarchar(64)   NOT NULL,  -- {la}-{yyyyMMdd}-{first 16 hex of manifest sha256}
    la_code          nvarchar(10)   NOT NULL,
    as_at            date           NOT NULL,
    manifest_sha256  nvarchar(64)   NOT NULL,  -- lower-case hex
    source_system    nvarchar(200)  NULL,
    status           nvarchar(10)   NOT NULL,
    load_seq         bigint         NULL,      -- commit order of successful commits (replays too); null while failed
    attempts         int            NOT NULL CONSTRAINT df_audit_load_attempts DEFAULT (1),  -- 1 + replays and retries
    started_at       datetime2(3)   NOT NULL,  -- UTC
    finished_at      datetime2(3)   NOT NULL,  -- UTC
    error            nvarchar(max)  NULL,      -- the failure of a failed load
    CONSTRAINT pk_audit_load PRIMARY KEY CLUSTERED (load_id),
    CONSTRAINT uq_audit_load_batch UNIQUE (la_code, as_at, manifest_sha256),
    CONSTRAINT ck_audit_load_status CHECK (status IN (N'loaded', N'failed'))
);
GO

-- The loads of an LA by as_at: the supersession rules and the data_as_at of the reporting views.
CREATE INDEX ix_audit_load_la_as_at ON dbo.audit_load (la_code, as_at) INCLUDE (status, load_seq);
GO

-- load_seq orders commits: unique among committed loads, and MAX(load_seq) is one seek.
CREATE UNIQUE INDEX ux_audit_load_seq ON dbo.audit_load (load_seq) WHERE load_seq IS NOT NULL;
GO

-- Per dataset of a load. rows_read = rows_loaded + rows_rejected. outcome says what the accepted rows did
-- to the warehouse (current, superseded, older_than_current, snapshot, snapshot_replaced; docs/warehouse.md).
CREATE TABLE dbo.audit_load_dataset (
    load_id        nvarchar(64)   NOT NULL,
    dataset        nvarchar(64)   NOT NULL,  -- contract dataset name, e.g. ssd_cin_episodes
    table_name     nvarchar(128)  NOT NULL,  -- warehouse table, e.g. fact_referral
    file_name      nvarchar(260)  NOT NULL,
    rows_read      bigint         NOT NULL,
    rows_loaded    bigint         NOT NULL,
    rows_rejected  bigint         NOT NULL,
    rows_warnings  bigint         NOT NULL,  -- warnings on kept rows
    outcome        nvarchar(20)   NOT NULL,
    superseded_by  nvarchar(64)   NULL,
    CONSTRAINT pk_audit_load_dataset PRIMARY KEY CLUSTERED (load_id, dataset),
    CONSTRAINT fk_audit_load_dataset_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id),
    CONSTRAINT fk_audit_load_dataset_superseded_by FOREIGN KEY (superseded_by) REFERENCES dbo.audit_load (load_id),
    CONSTRAINT ck_audit_load_dataset_outcome CHECK (outcome IN
        (N'current', N'superseded', N'older_than_current', N'snapshot', N'snapshot_replaced')),
    CONSTRAINT ck_audit_load_dataset_rows CHECK (rows_read = rows_loaded + rows_rejected)
);
GO

-- Finding a dataset's current load (outcome = 'current') when a batch supersedes it.
CREATE INDEX ix_audit_load_dataset_outcome ON dbo.audit_load_dataset (dataset, outcome);
GO

-- Every issue of a loaded batch (row errors and warnings). Person identifiers appear only as pseudonyms.
CREATE TABLE dbo.audit_load_issue (
    load_id      nvarchar(64)   NOT NULL,
    issue_no     int            NOT NULL,  -- 1.. in the reader's order
    severity     nvarchar(10)   NOT NULL,
    dataset      nvarchar(64)   NULL,
    row_no       bigint         NULL,      -- 1 = first data row; null for file-level issues
    column_name  nvarchar(128)  NULL,
    value        nvarchar(max)  NULL,
    reason       nvarchar(max)  NOT NULL,
    CONSTRAINT pk_audit_load_issue PRIMARY KEY CLUSTERED (load_id, issue_no),
    CONSTRAINT fk_audit_load_issue_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id),
    CONSTRAINT ck_audit_load_issue_severity CHECK (severity IN (N'file_error', N'row_error', N'warning'))
);
GO
