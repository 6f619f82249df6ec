-- Load audit: one row per load (a batch keyed by LA, as_at and the manifest's SHA-256), its
-- per-dataset counts and every validation issue it carried. Rejected batches are not recorded here:
-- they write nothing to the warehouse and go to quarantine with their report.
-- "load" is a reserved word in T-SQL, hence the audit_ prefix (same names in both dialects).

CREATE TABLE audit_load (
    load_id          TEXT    NOT NULL PRIMARY KEY,  -- {la}-{yyyyMMdd}-{first 16 hex of manifest sha256}
    la_code          TEXT    NOT NULL,
    as_at            TEXT    NOT NULL,              -- yyyy-MM-dd
    manifest_sha256  TEXT    NOT NULL,              -- lower-case hex
    source_system    TEXT,
    status           TEXT    NOT NULL CHECK (status IN ('loaded', 'failed')),
    load_seq         INTEGER,                       -- commit order of successful commits (replays too); null while failed
    attempts         INTEGER NOT NULL DEFAULT 1,    -- 1 + replays and retries
    started_at       TEXT    NOT NULL,              -- UTC, ISO 8601
    finished_at      TEXT    NOT NULL,              -- UTC, ISO 8601
    error            TEXT,                          -- the failure of a failed load
    UNIQUE (la_code, as_at, manifest_sha256)
);

CREATE INDEX ix_audit_load_la_as_at ON audit_load (la_code, as_at);

-- Per dataset of a load. rows_read = rows_loaded + rows_rejected. outcome says what the accepted rows
-- did to the warehouse:
--   current             event rows are the LA's current data for the dataset
--   superseded          were current; replaced by a batch with a later (or the same) as_at, see superseded_by
--   older_than_current  not applied: a batch with a later as_at was loaded first, see superseded_by
--   snapshot            snapshot rows kept for this load's as_at
--   snapshot_replaced   snapshot rows for the same as_at replaced by a later load, see superseded_by
CREATE TABLE audit_load_dataset (
    load_id        TEXT    NOT NULL REFERENCES audit_load (load_id),
    dataset        TEXT    NOT NULL,                -- contract dataset name, e.g. ssd_cin_episodes
    table_name     TEXT    NOT NULL,                -- warehouse table, e.g. fact_referral
    file_name      TEXT    NOT NULL,
    rows_read      INTEGER NOT NULL,
    rows_loaded    INTEGER NOT NULL,
    rows_rejected  INTEGER NOT NULL,
    rows_warnings  INTEGER NOT NULL,                -- warnings on kept rows
    outcome        TEXT    NOT NULL CHECK (outcome IN
                       ('current', 'superseded', 'older_than_current', 'snapshot', 'snapshot_replaced')),
    superseded_by  TEXT    REFERENCES audit_load (load_id),
    PRIMARY KEY (load_id, dataset),
    CHECK (rows_read = rows_loaded + rows_rejected)
);

CREATE INDEX ix_audit_load_dataset_outcome ON audit_load_dataset (dataset, outcome);

-- Every issue of a loaded batch (row errors and warnings). Person identifiers appear only as pseudonyms.
CREATE TABLE audit_load_issue (
    load_id      TEXT    NOT NULL REFERENCES audit_load (load_id),
    issue_no     INTEGER NOT NULL,                  -- 1.. in the reader's order
    severity     TEXT    NOT NULL CHECK (severity IN ('file_error', 'row_error', 'warning')),
    dataset      TEXT,
    row_no       INTEGER,                           -- 1 = first data row; null for file-level issues
    column_name  TEXT,
    value        TEXT,
    reason       TEXT    NOT NULL,
    PRIMARY KEY (load_id, issue_no)
);
