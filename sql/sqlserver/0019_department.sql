-- The LA's departments (ssd_department, docs/teams.md): the names of the ids SSD's team columns hold. Kept per as_at
-- like a snapshot dataset, so a later list replaces only its own as_at and an id it leaves out keeps its last name.
-- Teams stay keyed by the id (dim_team, fact_team_indicator_value, fact_work_item): the name is an attribute only,
-- so a team's series never splits when its name arrives or changes. The staging table follows its table. Same
-- tables, columns and views as sql/sqlite/0019_department.sql (there the views are pbi_<name>). No existing table
-- changes, so no view needs sp_refreshview; the three team views are altered to carry the name.

CREATE TABLE dbo.dim_department (
    la_code          nvarchar(10)   NOT NULL,
    as_at            date           NOT NULL,
    team_key         nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,  -- dept_team_id: the value the team columns hold
    team_name        nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,      -- dept_team_name (binary, as team keys: labels built from both)
    parent_team_key  nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,      -- dept_team_parent_id
    load_id          nvarchar(64)   NOT NULL,
    CONSTRAINT pk_dim_department PRIMARY KEY CLUSTERED (la_code, as_at, team_key),
    CONSTRAINT fk_dim_department_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

CREATE TABLE stage.dim_department (
    la_code          nvarchar(10)   NOT NULL,
    as_at            date           NOT NULL,
    team_key         nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    team_name        nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    parent_team_key  nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    load_id          nvarchar(64)   NOT NULL,
    CONSTRAINT pk_stage_dim_department PRIMARY KEY CLUSTERED (load_id, la_code, as_at, team_key)
);
GO

-- Each department id's name and parent from the newest as_at that lists it. team_label is what pages show: the name,
-- with the id after it where two departments of the LA share the name, or the id where the list gives no name.
CREATE VIEW dbo.dim_department_current AS
SELECT la_code, team_key, team_name, parent_team_key,
       CASE WHEN team_name IS NULL THEN CAST(team_key AS nvarchar(400))
            WHEN COUNT(*) OVER (PARTITION BY la_code, team_name) > 1 THEN CAST(team_name + N' (' + team_key + N')' AS nvarchar(400))
            ELSE team_name END AS team_label,
       as_at, load_id
FROM (
    SELECT d.la_code, d.team_key, d.team_name, d.parent_team_key, d.as_at, d.load_id,
           ROW_NUMBER() OVER (PARTITION BY d.la_code, d.team_key ORDER BY d.as_at DESC) AS recency
    FROM dbo.dim_department AS d
) AS newest
WHERE recency = 1;
GO

-- The team views carry the label (the department's name where known, else the key as before) and pbi.team the parent.
ALTER VIEW pbi.team AS
SELECT t.la_code, t.team_name AS team_key, COALESCE(d.team_label, t.team_name) AS team_label,
       d.parent_team_key, COALESCE(parent.team_label, d.parent_team_key) AS parent_team_label
FROM dbo.dim_team AS t
LEFT JOIN dbo.dim_department_current AS d ON d.la_code = t.la_code AND d.team_key = t.team_name
LEFT JOIN dbo.dim_department_current AS parent ON parent.la_code = d.la_code AND parent.team_key = d.parent_team_key
UNION ALL
SELECT la_code, N'(none)', N'No team recorded', NULL, NULL
FROM dbo.dim_local_authority;
GO

ALTER VIEW pbi.team_indicator_value AS
SELECT v.la_code, v.team_key,
       v.indicator_code, i.label, i.item, i.item_title, i.unit, i.polarity, i.display_precision, i.sort_order,
       CONCAT(v.period_type, N':', v.period_code) AS period_key, v.period_type, v.period_code, p.start_date AS period_start, p.end_date AS period_end,
       v.numerator, v.denominator, v.value,
       v.load_id, l.as_at AS data_as_at,
       COALESCE(d.team_label, CASE WHEN v.team_key = N'(none)' THEN N'No team recorded' ELSE v.team_key END) AS team_label
FROM dbo.fact_team_indicator_value_current AS v
JOIN dbo.dim_indicator AS i ON i.indicator_code = v.indicator_code
JOIN dbo.dim_period AS p ON p.period_type = v.period_type AND p.period_code = v.period_code
JOIN dbo.audit_load AS l ON l.load_id = v.load_id
LEFT JOIN dbo.dim_department_current AS d ON d.la_code = v.la_code AND d.team_key = v.team_key;
GO

ALTER VIEW pbi.work_item AS
SELECT w.la_code, w.team_key, w.as_at, w.item_kind, w.item_id, w.worker_key, w.person_key, w.counted_from, w.due_date, w.days_overdue, w.load_id,
       COALESCE(d.team_label, CASE WHEN w.team_key = N'(none)' THEN N'No team recorded' ELSE w.team_key END) AS team_label
FROM dbo.fact_work_item_current AS w
LEFT JOIN dbo.dim_department_current AS d ON d.la_code = w.la_code AND d.team_key = w.team_key;
GO
