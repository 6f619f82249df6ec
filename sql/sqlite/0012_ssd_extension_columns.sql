-- SSD-native batches (docs/extracts.md, "SSD as LAs extract it"): the columns an SSD export has no source for,
-- or leaves NULL in every system's script, become optional. The workforce's agency flag, full-time equivalency,
-- qualification and employment start, and an active EHCP's educated-in-borough flag, may now be NULL; the
-- measures that need them are n/a with the reason when no row holds a value. SQLite cannot drop a NOT NULL
-- constraint, so each table is rebuilt with its rows. Same columns as sql/sqlserver/0012_ssd_extension_columns.sql.

CREATE TABLE fact_workforce_0012 (
    la_code                  TEXT    NOT NULL,
    professional_key         TEXT    NOT NULL,
    agency_worker            INTEGER,
    full_time_equivalency    REAL,
    qualified_social_worker  INTEGER,
    employment_start_date    TEXT,
    employment_end_date      TEXT,
    load_id                  TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, professional_key)
) WITHOUT ROWID;

INSERT INTO fact_workforce_0012
SELECT la_code, professional_key, agency_worker, full_time_equivalency, qualified_social_worker,
       employment_start_date, employment_end_date, load_id
FROM fact_workforce;

DROP TABLE fact_workforce;
ALTER TABLE fact_workforce_0012 RENAME TO fact_workforce;

CREATE TABLE fact_ehcp_active_plan_snapshot_0012 (
    la_code              TEXT    NOT NULL,
    as_at                TEXT    NOT NULL,
    active_ehcp_id       TEXT    NOT NULL,
    ehcp_request_id      TEXT,
    person_key           TEXT,
    educated_in_borough  INTEGER,
    load_id              TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, as_at, active_ehcp_id)
) WITHOUT ROWID;

INSERT INTO fact_ehcp_active_plan_snapshot_0012
SELECT la_code, as_at, active_ehcp_id, ehcp_request_id, person_key, educated_in_borough, load_id
FROM fact_ehcp_active_plan_snapshot;

DROP TABLE fact_ehcp_active_plan_snapshot;
ALTER TABLE fact_ehcp_active_plan_snapshot_0012 RENAME TO fact_ehcp_active_plan_snapshot;
