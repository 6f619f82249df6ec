-- Event datasets: one row per record of the LA's current data. A batch supersedes a dataset's rows
-- for its LA when its as_at is not older than the current rows' (audit_load_dataset.outcome).
-- Columns are the contract's StoredAs names (Extracts/ExtractContract.cs), between la_code and load_id.
-- Types: identifiers and text TEXT; dates TEXT yyyy-MM-dd; flags INTEGER 0/1; numbers REAL.
-- Person and professional keys are pseudonyms; nothing outside the contract is stored.

-- ssd_person. date_of_birth is kept at month precision (the first of the birth month): ages in
-- completed years are exact at every period end, which is always a month end.
CREATE TABLE dim_person (
    la_code        TEXT NOT NULL,
    person_key     TEXT NOT NULL,
    sex            TEXT,
    ethnicity      TEXT,
    date_of_birth  TEXT,
    load_id        TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, person_key)
) WITHOUT ROWID;

-- ssd_cin_episodes
CREATE TABLE fact_referral (
    la_code               TEXT    NOT NULL,
    referral_id           TEXT    NOT NULL,
    person_key            TEXT    NOT NULL,
    referral_date         TEXT    NOT NULL,
    referral_source_code  TEXT,
    referral_nfa          INTEGER,
    close_date            TEXT,
    referral_team         TEXT,
    load_id               TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, referral_id)
) WITHOUT ROWID;

-- ssd_cin_assessments
CREATE TABLE fact_assessment (
    la_code                TEXT NOT NULL,
    assessment_id          TEXT NOT NULL,
    person_key             TEXT NOT NULL,
    referral_id            TEXT,
    assessment_start_date  TEXT NOT NULL,
    assessment_auth_date   TEXT,
    assessment_team        TEXT,
    load_id                TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, assessment_id)
) WITHOUT ROWID;

-- ssd_cp_plans
CREATE TABLE fact_cp_plan (
    la_code           TEXT NOT NULL,
    cp_plan_id        TEXT NOT NULL,
    person_key        TEXT NOT NULL,
    plan_start_date   TEXT NOT NULL,
    plan_end_date     TEXT,
    initial_category  TEXT,
    load_id           TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, cp_plan_id)
) WITHOUT ROWID;

-- ssd_cp_visits
CREATE TABLE fact_cp_visit (
    la_code      TEXT    NOT NULL,
    cp_visit_id  TEXT    NOT NULL,
    person_key   TEXT    NOT NULL,
    cp_plan_id   TEXT    NOT NULL,
    visit_date   TEXT    NOT NULL,
    child_seen   INTEGER,
    load_id      TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, cp_visit_id)
) WITHOUT ROWID;

-- ssd_cla_episodes (period_of_care_id = clae_cla_id)
CREATE TABLE fact_care_episode (
    la_code              TEXT NOT NULL,
    care_episode_id      TEXT NOT NULL,
    person_key           TEXT NOT NULL,
    period_of_care_id    TEXT NOT NULL,
    episode_start_date   TEXT NOT NULL,
    episode_ceased_date  TEXT,
    load_id              TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, care_episode_id)
) WITHOUT ROWID;

-- ssd_cla_visits
CREATE TABLE fact_care_visit (
    la_code            TEXT    NOT NULL,
    care_visit_id      TEXT    NOT NULL,
    person_key         TEXT    NOT NULL,
    period_of_care_id  TEXT    NOT NULL,
    visit_date         TEXT    NOT NULL,
    child_seen         INTEGER,
    load_id            TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, care_visit_id)
) WITHOUT ROWID;

-- ssd_involvements
CREATE TABLE fact_involvement (
    la_code                 TEXT NOT NULL,
    involvement_id          TEXT NOT NULL,
    person_key              TEXT NOT NULL,
    professional_key        TEXT NOT NULL,
    professional_role_id    TEXT,
    professional_team       TEXT,
    involvement_start_date  TEXT NOT NULL,
    involvement_end_date    TEXT,
    load_id                 TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, involvement_id)
) WITHOUT ROWID;

-- ssd_missing
CREATE TABLE fact_missing_episode (
    la_code             TEXT    NOT NULL,
    missing_episode_id  TEXT    NOT NULL,
    person_key          TEXT    NOT NULL,
    episode_start_date  TEXT    NOT NULL,
    episode_type        TEXT,                  -- Missing | Absent
    episode_end_date    TEXT,
    rhi_offered         INTEGER,
    rhi_accepted        INTEGER,
    rhi_date            TEXT,
    load_id             TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, missing_episode_id)
) WITHOUT ROWID;

-- ssd_early_help_episodes
CREATE TABLE fact_early_help_episode (
    la_code                    TEXT NOT NULL,
    early_help_episode_id      TEXT NOT NULL,
    person_key                 TEXT NOT NULL,
    episode_start_date         TEXT NOT NULL,
    episode_end_date           TEXT,
    assessment_completed_date  TEXT,
    load_id                    TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, early_help_episode_id)
) WITHOUT ROWID;

-- ssd_ehcp_requests
CREATE TABLE fact_ehcp_request (
    la_code               TEXT NOT NULL,
    ehcp_request_id       TEXT NOT NULL,
    request_date          TEXT NOT NULL,
    request_outcome_date  TEXT,
    request_outcome       TEXT,
    load_id               TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, ehcp_request_id)
) WITHOUT ROWID;

-- ssd_ehcp_assessment
CREATE TABLE fact_ehcp_assessment (
    la_code                  TEXT    NOT NULL,
    ehcp_assessment_id       TEXT    NOT NULL,
    ehcp_request_id          TEXT    NOT NULL,
    assessment_outcome_date  TEXT,
    assessment_outcome       TEXT,
    assessment_exceptions    INTEGER,
    load_id                  TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, ehcp_assessment_id)
) WITHOUT ROWID;

-- ssd_ehcp_named_plan
CREATE TABLE fact_ehcp_named_plan (
    la_code             TEXT NOT NULL,
    named_plan_id       TEXT NOT NULL,
    ehcp_assessment_id  TEXT NOT NULL,
    plan_start_date     TEXT NOT NULL,
    plan_ceased_date    TEXT,
    load_id             TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, named_plan_id)
) WITHOUT ROWID;

-- ssd_professionals
CREATE TABLE fact_workforce (
    la_code                  TEXT    NOT NULL,
    professional_key         TEXT    NOT NULL,
    agency_worker            INTEGER NOT NULL,
    full_time_equivalency    REAL    NOT NULL,
    qualified_social_worker  INTEGER NOT NULL,
    employment_start_date    TEXT    NOT NULL,
    employment_end_date      TEXT,
    load_id                  TEXT    NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, professional_key)
) WITHOUT ROWID;
