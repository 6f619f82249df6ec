-- SSD-native care leavers (docs/extracts.md, "Care leavers"): clea_care_leaver_in_touch is NULL where SystemC's script
-- finds no care-leaver record, so in_touch may be NULL; such a row loads and takes no part in the care-leaver cohort.
-- SQLite cannot drop a NOT NULL constraint, so the table is rebuilt with its rows (it has no other index and no view
-- reads it). Same columns as sql/sqlserver/0018_care_leaver_in_touch.sql.

CREATE TABLE fact_care_leaver_snapshot_0018 (
    la_code                 TEXT NOT NULL,
    as_at                   TEXT NOT NULL,
    care_leaver_id          TEXT NOT NULL,
    person_key              TEXT NOT NULL,
    eligibility             TEXT,
    in_touch                TEXT,              -- YES NO DIED REFU NREQ RHOM; NULL: not recorded
    latest_contact_date     TEXT,
    accommodation           TEXT,              -- SSDA903 ACCOM, e.g. U1
    accommodation_suitable  TEXT,              -- Suitable | Unsuitable | 1 | 2
    activity                TEXT,              -- SSDA903 ACTIV, e.g. G4
    load_id                 TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, as_at, care_leaver_id)
) WITHOUT ROWID;

INSERT INTO fact_care_leaver_snapshot_0018
    (la_code, as_at, care_leaver_id, person_key, eligibility, in_touch, latest_contact_date, accommodation,
     accommodation_suitable, activity, load_id)
SELECT la_code, as_at, care_leaver_id, person_key, eligibility, in_touch, latest_contact_date, accommodation,
       accommodation_suitable, activity, load_id
FROM fact_care_leaver_snapshot;

DROP TABLE fact_care_leaver_snapshot;
ALTER TABLE fact_care_leaver_snapshot_0018 RENAME TO fact_care_leaver_snapshot;
