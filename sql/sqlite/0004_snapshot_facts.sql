-- Snapshot datasets: the state as at each batch's as_at, kept per as_at so history builds up.
-- A later load with the same as_at replaces that as_at's rows (audit_load_dataset.outcome).

-- ssd_care_leavers
CREATE TABLE fact_care_leaver_snapshot (
    la_code                 TEXT NOT NULL,
    as_at                   TEXT NOT NULL,
    care_leaver_id          TEXT NOT NULL,
    person_key              TEXT NOT NULL,
    eligibility             TEXT,
    in_touch                TEXT NOT NULL,     -- YES NO DIED REFU NREQ RHOM
    latest_contact_date     TEXT,
    accommodation           TEXT,              -- SSDA903 ACCOM, e.g. U1
    accommodation_suitable  TEXT,              -- Suitable | Unsuitable | 1 | 2
    activity                TEXT,              -- SSDA903 ACTIV, e.g. G4
    load_id                 TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, as_at, care_leaver_id)
) WITHOUT ROWID;

-- ssd_ehcp_active_plans
CREATE TABLE fact_ehcp_active_plan_snapshot (
    la_code              TEXT    NOT NULL,
    as_at                TEXT    NOT NULL,
    active_ehcp_id       TEXT    NOT NULL,
    ehcp_request_id      TEXT,
    person_key           TEXT,
    educated_in_borough  INTEGER NOT NULL,
    load_id              TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, as_at, active_ehcp_id)
) WITHOUT ROWID;

-- children_missing_education
CREATE TABLE fact_missing_education_snapshot (
    la_code         TEXT NOT NULL,
    as_at           TEXT NOT NULL,
    person_key      TEXT NOT NULL,
    cme_start_date  TEXT NOT NULL,
    load_id         TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, as_at, person_key)
) WITHOUT ROWID;
