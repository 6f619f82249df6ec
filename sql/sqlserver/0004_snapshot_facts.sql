-- Snapshot datasets: the state as at each batch's as_at, kept per as_at so history builds up. A later load
-- with the same as_at replaces that as_at's rows (audit_load_dataset.outcome). Same columns as
-- sql/sqlite/0004_snapshot_facts.sql; clustered on (la_code, as_at, record id): a load replaces one as_at
-- with a range delete and the engine reads each as_at with a range scan.

-- ssd_care_leavers
CREATE TABLE dbo.fact_care_leaver_snapshot (
    la_code                 nvarchar(10)   NOT NULL,
    as_at                   date           NOT NULL,
    care_leaver_id          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    person_key              nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    eligibility             nvarchar(400)  NULL,
    in_touch                nvarchar(20)   NOT NULL,  -- YES NO DIED REFU NREQ RHOM
    latest_contact_date     date           NULL,
    accommodation           nvarchar(20)   NULL,      -- SSDA903 ACCOM, e.g. U1
    accommodation_suitable  nvarchar(20)   NULL,      -- Suitable | Unsuitable | 1 | 2
    activity                nvarchar(20)   NULL,      -- SSDA903 ACTIV, e.g. G4
    load_id                 nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_care_leaver_snapshot PRIMARY KEY CLUSTERED (la_code, as_at, care_leaver_id),
    CONSTRAINT fk_fact_care_leaver_snapshot_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- ssd_ehcp_active_plans
CREATE TABLE dbo.fact_ehcp_active_plan_snapshot (
    la_code              nvarchar(10)   NOT NULL,
    as_at                date           NOT NULL,
    active_ehcp_id       nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ehcp_request_id      nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    person_key           nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
    educated_in_borough  bit            NOT NULL,
    load_id              nvarchar(64)   NOT NULL,
    CONSTRAINT pk_fact_ehcp_active_plan_snapshot PRIMARY KEY CLUSTERED (la_code, as_at, active_ehcp_id),
    CONSTRAINT fk_fact_ehcp_active_plan_snapshot_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- children_missing_education
CREATE TABLE dbo.fact_missing_education_snapshot (
    la_code         nvarchar(10)  NOT NULL,
    as_at           date          NOT NULL,
    person_key      nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    cme_start_date  date          NOT NULL,
    load_id         nvarchar(64)  NOT NULL,
    CONSTRAINT pk_fact_missing_education_snapshot PRIMARY KEY CLUSTERED (la_code, as_at, person_key),
    CONSTRAINT fk_fact_missing_education_snapshot_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO
