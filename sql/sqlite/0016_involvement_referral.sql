-- SSD-native involvements (docs/extracts.md, "Derived values"): an involvement whose worker SSD leaves empty
-- (invo_professional_id NULL) loads with a warning, so professional_key may be NULL; and invo_referral_id is kept
-- as referral_id, the column through which a missing invo_person_id is derived (Mosaic). SQLite cannot drop a
-- NOT NULL constraint, so the table is rebuilt with its rows; referral_id comes last, as SQL Server adds it. Same
-- columns as sql/sqlserver/0016_involvement_referral.sql.

CREATE TABLE fact_involvement_0016 (
    la_code                 TEXT NOT NULL,
    involvement_id          TEXT NOT NULL,
    person_key              TEXT NOT NULL,
    professional_key        TEXT,
    professional_role_id    TEXT,
    professional_team       TEXT,
    involvement_start_date  TEXT NOT NULL,
    involvement_end_date    TEXT,
    load_id                 TEXT NOT NULL REFERENCES audit_load (load_id),
    referral_id             TEXT,
    PRIMARY KEY (la_code, involvement_id)
) WITHOUT ROWID;

INSERT INTO fact_involvement_0016
    (la_code, involvement_id, person_key, professional_key, professional_role_id, professional_team,
     involvement_start_date, involvement_end_date, load_id)
SELECT la_code, involvement_id, person_key, professional_key, professional_role_id, professional_team,
       involvement_start_date, involvement_end_date, load_id
FROM fact_involvement;

DROP TABLE fact_involvement;
ALTER TABLE fact_involvement_0016 RENAME TO fact_involvement;
