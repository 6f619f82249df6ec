-- Event datasets: one row per record of the LA's current data. A batch supersedes a dataset's rows for its
-- LA when its as_at is not older than the current rows' (audit_load_dataset.outcome).
-- Columns are the contract's StoredAs names (Extracts/ExtractContract.cs), between la_code and load_id,
-- as in sql/sqlite/0003_event_facts.sql. Types by contract kind: record identifiers nvarchar(100),
-- pseudonymised person keys nvarchar(64), text nvarchar(400), codes nvarchar(20), dates date, flags bit,
-- numbers decimal(18, 6). Nothing outside the contract is stored.
-- Identifiers and team names compare exactly, as in SQLite (BINARY) and the contract: binary collation, so
-- ids that differ only in case stay two records instead of colliding in a case-insensitive key.
-- Each table is clustered on its primary key (la_code, record id): a load replaces an LA's rows with one
-- range delete and the engine reads them back in key order with one range scan.

-- ssd_person. date_of_birth is kept at month precision (the first of the birth month).
CREATE TABLE dbo.dim_person (
    la_code        nvarchar(10)   NOT NULL,
    person_key     nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    sex            nvarchar(400)  NULL,
    ethnicity      nvarchar(400)  NULL,
    date_of_birth  date           NULL,
    load_id        nvarchar(64)   NOT NULL,
    CONSTRAINT pk_dim_person PRIMARY KEY CLUSTERED (la_code, person_key),
    CONSTRAINT fk_dim_person_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_cin_episodes
CREATE TABLE dbo.fact_referral (
    la_code               nvarchar(10)   NOT NULL,
    referral_id           nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key            nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    referral_date         date           NOT NULL,
    referral_source_code  nvarchar(400)  NULL,
    referral_nfa          bit            NULL,
    close_date            date           NULL,
    referral_team         nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    load_id               nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_referral PRIMARY KEY CLUSTERED (la_code, referral_id),
    CONSTRAINT fk_fact_referral_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_cin_assessments
CREATE TABLE dbo.fact_assessment (
    la_code                nvarchar(10)   NOT NULL,
    assessment_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key             nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    referral_id            nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    assessment_start_date  date           NOT NULL,
    assessment_auth_date   date           NULL,
    assessment_team        nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    load_id                nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_assessment PRIMARY KEY CLUSTERED (la_code, assessment_id),
    CONSTRAINT fk_fact_assessment_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_cp_plans
CREATE TABLE dbo.fact_cp_plan (
    la_code           nvarchar(10)   NOT NULL,
    cp_plan_id        nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key        nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    plan_start_date   date           NOT NULL,
    plan_end_date     date           NULL,
    initial_category  nvarchar(400)  NULL,
    load_id           nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_cp_plan PRIMARY KEY CLUSTERED (la_code, cp_plan_id),
    CONSTRAINT fk_fact_cp_plan_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_cp_visits
CREATE TABLE dbo.fact_cp_visit (
    la_code      nvarchar(10)   NOT NULL,
    cp_visit_id  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key   nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    cp_plan_id   nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    visit_date   date           NOT NULL,
    child_seen   bit            NULL,
    load_id      nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_cp_visit PRIMARY KEY CLUSTERED (la_code, cp_visit_id),
    CONSTRAINT fk_fact_cp_visit_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_cla_episodes (period_of_care_id = clae_cla_id)
CREATE TABLE dbo.fact_care_episode (
    la_code              nvarchar(10)   NOT NULL,
    care_episode_id      nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key           nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    period_of_care_id    nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    episode_start_date   date           NOT NULL,
    episode_ceased_date  date           NULL,
    load_id              nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_care_episode PRIMARY KEY CLUSTERED (la_code, care_episode_id),
    CONSTRAINT fk_fact_care_episode_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_cla_visits
CREATE TABLE dbo.fact_care_visit (
    la_code            nvarchar(10)   NOT NULL,
    care_visit_id      nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key         nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    period_of_care_id  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    visit_date         date           NOT NULL,
    child_seen         bit            NULL,
    load_id            nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_care_visit PRIMARY KEY CLUSTERED (la_code, care_visit_id),
    CONSTRAINT fk_fact_care_visit_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_involvements
CREATE TABLE dbo.fact_involvement (
    la_code                 nvarchar(10)   NOT NULL,
    involvement_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key              nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    professional_key        nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    professional_role_id    nvarchar(400)  NULL,
    professional_team       nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    involvement_start_date  date           NOT NULL,
    involvement_end_date    date           NULL,
    load_id                 nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_involvement PRIMARY KEY CLUSTERED (la_code, involvement_id),
    CONSTRAINT fk_fact_involvement_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_missing
CREATE TABLE dbo.fact_missing_episode (
    la_code             nvarchar(10)   NOT NULL,
    missing_episode_id  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key          nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    episode_start_date  date           NOT NULL,
    episode_type        nvarchar(20)   NULL,  -- Missing | Absent
    episode_end_date    date           NULL,
    rhi_offered         bit            NULL,
    rhi_accepted        bit            NULL,
    rhi_date            date           NULL,
    load_id             nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_missing_episode PRIMARY KEY CLUSTERED (la_code, missing_episode_id),
    CONSTRAINT fk_fact_missing_episode_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_early_help_episodes
CREATE TABLE dbo.fact_early_help_episode (
    la_code                    nvarchar(10)   NOT NULL,
    early_help_episode_id      nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key                 nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    episode_start_date         date           NOT NULL,
    episode_end_date           date           NULL,
    assessment_completed_date  date           NULL,
    load_id                    nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_early_help_episode PRIMARY KEY CLUSTERED (la_code, early_help_episode_id),
    CONSTRAINT fk_fact_early_help_episode_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_ehcp_requests
CREATE TABLE dbo.fact_ehcp_request (
    la_code               nvarchar(10)   NOT NULL,
    ehcp_request_id       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    request_date          date           NOT NULL,
    request_outcome_date  date           NULL,
    request_outcome       nvarchar(400)  NULL,
    load_id               nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_ehcp_request PRIMARY KEY CLUSTERED (la_code, ehcp_request_id),
    CONSTRAINT fk_fact_ehcp_request_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_ehcp_assessment
CREATE TABLE dbo.fact_ehcp_assessment (
    la_code                  nvarchar(10)   NOT NULL,
    ehcp_assessment_id       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ehcp_request_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    assessment_outcome_date  date           NULL,
    assessment_outcome       nvarchar(400)  NULL,
    assessment_exceptions    bit            NULL,
    load_id                  nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_ehcp_assessment PRIMARY KEY CLUSTERED (la_code, ehcp_assessment_id),
    CONSTRAINT fk_fact_ehcp_assessment_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_ehcp_named_plan
CREATE TABLE dbo.fact_ehcp_named_plan (
    la_code             nvarchar(10)   NOT NULL,
    named_plan_id       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ehcp_assessment_id  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    plan_start_date     date           NOT NULL,
    plan_ceased_date    date           NULL,
    load_id             nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_ehcp_named_plan PRIMARY KEY CLUSTERED (la_code, named_plan_id),
    CONSTRAINT fk_fact_ehcp_named_plan_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_professionals
CREATE TABLE dbo.fact_workforce (
    la_code                  nvarchar(10)    NOT NULL,
    professional_key         nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    agency_worker            bit             NOT NULL,
    full_time_equivalency    decimal(18, 6)  NOT NULL,
    qualified_social_worker  bit             NOT NULL,
    employment_start_date    date            NOT NULL,
    employment_end_date      date            NULL,
    load_id                  nvarchar(64)    NOT NULL,
    CONSTRAINT pk_fact_workforce PRIMARY KEY CLUSTERED (la_code, professional_key),
    CONSTRAINT fk_fact_workforce_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO
