-- Team managers' view (docs/teams.md): the measures that have a team, per team, stored with the LA's values by
-- the same load; the work due and overdue as at the load's data; and the Power BI user mapping extended with a team.
-- Same tables, columns and views as sql/sqlite/0008_team_figures.sql (there the views are pbi_<name>).
--
-- Indexes: fact_team_indicator_value is clustered columnstore like fact_indicator_value (it only grows, Power BI
-- scans it), with a rowstore primary key for one team's series; fact_work_item is small (one list per load)
-- and clustered on its key.

CREATE TABLE dbo.fact_team_indicator_value (
    la_code         nvarchar(10)     NOT NULL,
    team_key        nvarchar(400)    COLLATE Latin1_General_100_BIN2 NOT NULL,  -- the extract's team value; N'(none)' = no team recorded
    indicator_code  nvarchar(64)     NOT NULL,
    period_type     nvarchar(16)     NOT NULL,
    period_code     nvarchar(16)     NOT NULL,
    load_id         nvarchar(64)     NOT NULL,
    numerator       decimal(28, 12)  NULL,
    denominator     decimal(28, 12)  NULL,  -- null for counts
    value           decimal(28, 12)  NULL,  -- unrounded; null = not available (n/a), never 0
    CONSTRAINT pk_fact_team_indicator_value PRIMARY KEY NONCLUSTERED (la_code, team_key, indicator_code, period_type, period_code, load_id),
    CONSTRAINT fk_fact_team_indicator_value_indicator FOREIGN KEY (indicator_code) REFERENCES dbo.dim_indicator (indicator_code),
    CONSTRAINT fk_fact_team_indicator_value_period FOREIGN KEY (period_type, period_code) REFERENCES dbo.dim_period (period_type, period_code),
    CONSTRAINT fk_fact_team_indicator_value_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id),
    INDEX cci_fact_team_indicator_value CLUSTERED COLUMNSTORE
);
GO

CREATE VIEW dbo.fact_team_indicator_value_current AS
SELECT la_code, team_key, indicator_code, period_type, period_code, load_id, numerator, denominator, value
FROM (
    SELECT v.la_code, v.team_key, v.indicator_code, v.period_type, v.period_code, v.load_id, v.numerator, v.denominator, v.value,
           ROW_NUMBER() OVER (PARTITION BY v.la_code, v.team_key, v.indicator_code, v.period_type, v.period_code
                              ORDER BY l.load_seq DESC) AS recency
    FROM dbo.fact_team_indicator_value AS v
    JOIN dbo.audit_load AS l ON l.load_id = v.load_id
    WHERE l.status = N'loaded'
) AS ranked
WHERE recency = 1;
GO

CREATE TABLE dbo.fact_work_item (
    load_id        nvarchar(64)   NOT NULL,
    la_code        nvarchar(10)   NOT NULL,
    as_at          date           NOT NULL,
    item_kind      nvarchar(32)   NOT NULL,
    item_id        nvarchar(100)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    team_key       nvarchar(400)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    worker_key     nvarchar(64)   COLLATE Latin1_General_100_BIN2 NULL,
    person_key     nvarchar(64)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    counted_from   date           NOT NULL,
    due_date       date           NOT NULL,
    days_overdue   int            NOT NULL,  -- as_at - due_date in days: negative while still to come
    CONSTRAINT pk_fact_work_item PRIMARY KEY CLUSTERED (load_id, item_kind, item_id),
    CONSTRAINT fk_fact_work_item_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id),
    CONSTRAINT ck_fact_work_item_kind CHECK (item_kind IN (N'cp_visit', N'cic_visit', N'assessment', N'cp_plan_18_months', N'return_home_interview'))
);
GO

CREATE VIEW dbo.fact_work_item_current AS
SELECT w.load_id, w.la_code, w.as_at, w.item_kind, w.item_id, w.team_key, w.worker_key, w.person_key,
       w.counted_from, w.due_date, w.days_overdue
FROM dbo.fact_work_item AS w
JOIN dbo.audit_load AS l ON l.load_id = w.load_id
WHERE l.status = N'loaded'
  AND l.load_seq = (SELECT MAX(c.load_seq) FROM dbo.audit_load AS c WHERE c.la_code = w.la_code AND c.status = N'loaded');
GO

-- The Power BI user mapping extended with a team: the LA role's rows (dbo.security_la_user) map a user to every
-- team of the LA (team_key N''); dbo.security_team_user maps a team manager to one team of one LA. pbi.team_user is
-- both, the table the "Team users" role filters. (A companion table, not a new column on security_la_user: that
-- table is applied, and the offline DacFx model check takes tables whole, not altered.)
CREATE TABLE dbo.security_team_user (
    user_principal_name  nvarchar(256)  NOT NULL,  -- e.g. manager@council.gov.uk
    la_code              nvarchar(10)   NOT NULL,
    team_key             nvarchar(400)  COLLATE Latin1_General_100_BIN2 NOT NULL,  -- dim_team.team_name, or N'(none)'
    CONSTRAINT pk_security_team_user PRIMARY KEY CLUSTERED (user_principal_name, la_code, team_key)
);
GO

CREATE VIEW pbi.team_user AS
SELECT user_principal_name, la_code, CAST(N'' AS nvarchar(400)) COLLATE Latin1_General_100_BIN2 AS team_key
FROM dbo.security_la_user
UNION ALL
SELECT user_principal_name, la_code, team_key
FROM dbo.security_team_user;
GO

CREATE VIEW pbi.team AS
SELECT la_code, team_name AS team_key, team_name AS team_label
FROM dbo.dim_team
UNION ALL
SELECT la_code, N'(none)', N'No team recorded'
FROM dbo.dim_local_authority;
GO

CREATE VIEW pbi.team_indicator_value AS
SELECT v.la_code, v.team_key,
       v.indicator_code, i.label, i.item, i.item_title, i.unit, i.polarity, i.display_precision, i.sort_order,
       CONCAT(v.period_type, N':', v.period_code) AS period_key, v.period_type, v.period_code, p.start_date AS period_start, p.end_date AS period_end,
       v.numerator, v.denominator, v.value,
       v.load_id, l.as_at AS data_as_at
FROM dbo.fact_team_indicator_value_current AS v
JOIN dbo.dim_indicator AS i ON i.indicator_code = v.indicator_code
JOIN dbo.dim_period AS p ON p.period_type = v.period_type AND p.period_code = v.period_code
JOIN dbo.audit_load AS l ON l.load_id = v.load_id;
GO

CREATE VIEW pbi.work_item AS
SELECT la_code, team_key, as_at, item_kind, item_id, worker_key, person_key, counted_from, due_date, days_overdue, load_id
FROM dbo.fact_work_item_current;
GO
