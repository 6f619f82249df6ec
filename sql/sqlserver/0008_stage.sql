-- Staging tables for the Azure SQL writer. A load bulk-copies each dataset's accepted rows into stage.<table>
-- (SqlBulkCopy, inside the load's transaction), then replaces the warehouse rows with set-based statements
-- from there and deletes its staged rows before committing: outside a load in progress they are empty.
-- Rows are keyed by load_id first, so loads of different LAs stage side by side. The calendar fill stages
-- dim_date and dim_period the same way under a key of its own. SQLite needs none of this (it writes rows with
-- prepared statements); permanent tables rather than #temp tables let the offline model check every statement
-- that reads them, column by column.

CREATE SCHEMA stage AUTHORIZATION dbo;
GO

-- ssd_person
CREATE TABLE stage.dim_person (
    la_code        nvarchar(10)   NOT NULL,
    person_key     nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    sex            nvarchar(400)  NULL,
    ethnicity      nvarchar(400)  NULL,
    date_of_birth  date           NULL,
    load_id        nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_dim_person PRIMARY KEY CLUSTERED (load_id, la_code, person_key)
);
GO

-- ssd_cin_episodes
CREATE TABLE stage.fact_referral (
    la_code               nvarchar(10)   NOT NULL,
    referral_id           nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key            nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    referral_date         date           NOT NULL,
    referral_source_code  nvarchar(400)  NULL,
    referral_nfa          bit            NULL,
    close_date            date           NULL,
    referral_team         nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    load_id               nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_referral PRIMARY KEY CLUSTERED (load_id, la_code, referral_id)
);
GO

-- ssd_cin_assessments
CREATE TABLE stage.fact_assessment (
    la_code                nvarchar(10)   NOT NULL,
    assessment_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key             nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    referral_id            nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    assessment_start_date  date           NOT NULL,
    assessment_auth_date   date           NULL,
    assessment_team        nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    load_id                nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_assessment PRIMARY KEY CLUSTERED (load_id, la_code, assessment_id)
);
GO

-- ssd_cp_plans
CREATE TABLE stage.fact_cp_plan (
    la_code           nvarchar(10)   NOT NULL,
    cp_plan_id        nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key        nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    plan_start_date   date           NOT NULL,
    plan_end_date     date           NULL,
    initial_category  nvarchar(400)  NULL,
    load_id           nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_cp_plan PRIMARY KEY CLUSTERED (load_id, la_code, cp_plan_id)
);
GO

-- ssd_cp_visits
CREATE TABLE stage.fact_cp_visit (
    la_code      nvarchar(10)   NOT NULL,
    cp_visit_id  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key   nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    cp_plan_id   nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    visit_date   date           NOT NULL,
    child_seen   bit            NULL,
    load_id      nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_cp_visit PRIMARY KEY CLUSTERED (load_id, la_code, cp_visit_id)
);
GO

-- ssd_cla_episodes (period_of_care_id = clae_cla_id)
CREATE TABLE stage.fact_care_episode (
    la_code              nvarchar(10)   NOT NULL,
    care_episode_id      nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key           nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    period_of_care_id    nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    episode_start_date   date           NOT NULL,
    episode_ceased_date  date           NULL,
    load_id              nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_care_episode PRIMARY KEY CLUSTERED (load_id, la_code, care_episode_id)
);
GO

-- ssd_cla_visits
CREATE TABLE stage.fact_care_visit (
    la_code            nvarchar(10)   NOT NULL,
    care_visit_id      nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key         nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    period_of_care_id  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    visit_date         date           NOT NULL,
    child_seen         bit            NULL,
    load_id            nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_care_visit PRIMARY KEY CLUSTERED (load_id, la_code, care_visit_id)
);
GO

-- ssd_involvements
CREATE TABLE stage.fact_involvement (
    la_code                 nvarchar(10)   NOT NULL,
    involvement_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key              nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    professional_key        nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    professional_role_id    nvarchar(400)  NULL,
    professional_team       nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    involvement_start_date  date           NOT NULL,
    involvement_end_date    date           NULL,
    load_id                 nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_involvement PRIMARY KEY CLUSTERED (load_id, la_code, involvement_id)
);
GO

-- ssd_missing
CREATE TABLE stage.fact_missing_episode (
    la_code             nvarchar(10)   NOT NULL,
    missing_episode_id  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key          nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    episode_start_date  date           NOT NULL,
    episode_type        nvarchar(20)   NULL,
    episode_end_date    date           NULL,
    rhi_offered         bit            NULL,
    rhi_accepted        bit            NULL,
    rhi_date            date           NULL,
    load_id             nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_missing_episode PRIMARY KEY CLUSTERED (load_id, la_code, missing_episode_id)
);
GO

-- ssd_early_help_episodes
CREATE TABLE stage.fact_early_help_episode (
    la_code                    nvarchar(10)   NOT NULL,
    early_help_episode_id      nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key                 nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    episode_start_date         date           NOT NULL,
    episode_end_date           date           NULL,
    assessment_completed_date  date           NULL,
    load_id                    nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_early_help_episode PRIMARY KEY CLUSTERED (load_id, la_code, early_help_episode_id)
);
GO

-- ssd_ehcp_requests
CREATE TABLE stage.fact_ehcp_request (
    la_code               nvarchar(10)   NOT NULL,
    ehcp_request_id       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    request_date          date           NOT NULL,
    request_outcome_date  date           NULL,
    request_outcome       nvarchar(400)  NULL,
    load_id               nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_ehcp_request PRIMARY KEY CLUSTERED (load_id, la_code, ehcp_request_id)
);
GO

-- ssd_ehcp_assessment
CREATE TABLE stage.fact_ehcp_assessment (
    la_code                  nvarchar(10)   NOT NULL,
    ehcp_assessment_id       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ehcp_request_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    assessment_outcome_date  date           NULL,
    assessment_outcome       nvarchar(400)  NULL,
    assessment_exceptions    bit            NULL,
    load_id                  nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_ehcp_assessment PRIMARY KEY CLUSTERED (load_id, la_code, ehcp_assessment_id)
);
GO

-- ssd_ehcp_named_plan
CREATE TABLE stage.fact_ehcp_named_plan (
    la_code             nvarchar(10)   NOT NULL,
    named_plan_id       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ehcp_assessment_id  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    plan_start_date     date           NOT NULL,
    plan_ceased_date    date           NULL,
    load_id             nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_ehcp_named_plan PRIMARY KEY CLUSTERED (load_id, la_code, named_plan_id)
);
GO

-- ssd_professionals
CREATE TABLE stage.fact_workforce (
    la_code                  nvarchar(10)    NOT NULL,
    professional_key         nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    agency_worker            bit             NOT NULL,
    full_time_equivalency    decimal(18, 6)  NOT NULL,
    qualified_social_worker  bit             NOT NULL,
    employment_start_date    date            NOT NULL,
    employment_end_date      date            NULL,
    load_id                  nvarchar(64)    NOT NULL,
    CONSTRAINT pk_stage_fact_workforce PRIMARY KEY CLUSTERED (load_id, la_code, professional_key)
);
GO

-- ssd_care_leavers
CREATE TABLE stage.fact_care_leaver_snapshot (
    la_code                 nvarchar(10)   NOT NULL,
    as_at                   date           NOT NULL,
    care_leaver_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key              nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    eligibility             nvarchar(400)  NULL,
    in_touch                nvarchar(20)   NOT NULL,
    latest_contact_date     date           NULL,
    accommodation           nvarchar(20)   NULL,
    accommodation_suitable  nvarchar(20)   NULL,
    activity                nvarchar(20)   NULL,
    load_id                 nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_care_leaver_snapshot PRIMARY KEY CLUSTERED (load_id, la_code, as_at, care_leaver_id)
);
GO

-- ssd_ehcp_active_plans
CREATE TABLE stage.fact_ehcp_active_plan_snapshot (
    la_code              nvarchar(10)   NOT NULL,
    as_at                date           NOT NULL,
    active_ehcp_id       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ehcp_request_id      nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    person_key           nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
    educated_in_borough  bit            NOT NULL,
    load_id              nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_fact_ehcp_active_plan_snapshot PRIMARY KEY CLUSTERED (load_id, la_code, as_at, active_ehcp_id)
);
GO

-- children_missing_education
CREATE TABLE stage.fact_missing_education_snapshot (
    la_code         nvarchar(10)  NOT NULL,
    as_at           date          NOT NULL,
    person_key      nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    cme_start_date  date          NOT NULL,
    load_id         nvarchar(64)  NOT NULL,
    CONSTRAINT pk_stage_fact_missing_education_snapshot PRIMARY KEY CLUSTERED (load_id, la_code, as_at, person_key)
);
GO

-- The calendar, staged by the fill that runs on migration, and the periods a load's values name.
CREATE TABLE stage.dim_date (
    load_id               nvarchar(64)  NOT NULL,
    date_key              int           NOT NULL,
    calendar_date         date          NOT NULL,
    calendar_year         int           NOT NULL,
    month_number          int           NOT NULL,
    month_code            nvarchar(16)  NOT NULL,
    day_of_week           int           NOT NULL,
    financial_year_start  int           NOT NULL,
    financial_year_code   nvarchar(16)  NOT NULL,
    fy_quarter            int           NOT NULL,
    fy_quarter_code       nvarchar(16)  NOT NULL,
    is_weekend            bit           NOT NULL,
    is_bank_holiday       bit           NOT NULL,
    is_working_day        bit           NOT NULL,
    CONSTRAINT pk_stage_dim_date PRIMARY KEY CLUSTERED (load_id, date_key)
);
GO

CREATE TABLE stage.dim_period (
    load_id              nvarchar(64)  NOT NULL,
    period_type          nvarchar(16)  NOT NULL,
    period_code          nvarchar(16)  NOT NULL,
    start_date           date          NOT NULL,
    end_date             date          NOT NULL,
    financial_year_code  nvarchar(16)  NOT NULL,
    CONSTRAINT pk_stage_dim_period PRIMARY KEY CLUSTERED (load_id, period_type, period_code)
);
GO
