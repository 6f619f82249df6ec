-- The LA's departments (ssd_department, docs/teams.md): the names of the ids SSD's team columns hold. Kept per as_at
-- like a snapshot dataset, so a later list replaces only its own as_at and an id it leaves out keeps its last name.
-- Teams stay keyed by the id (dim_team, fact_team_indicator_value, fact_work_item): the name is an attribute only,
-- so a team's series never splits when its name arrives or changes. Same tables, columns and views as
-- sql/sqlserver/0019_department.sql.

CREATE TABLE dim_department (
    la_code          TEXT NOT NULL,
    as_at            TEXT NOT NULL,
    team_key         TEXT NOT NULL,             -- dept_team_id: the value the team columns hold
    team_name        TEXT,                      -- dept_team_name
    parent_team_key  TEXT,                      -- dept_team_parent_id
    load_id          TEXT NOT NULL REFERENCES audit_load (load_id),
    PRIMARY KEY (la_code, as_at, team_key)
) WITHOUT ROWID;

-- Each department id's name and parent from the newest as_at that lists it. team_label is what pages show: the name,
-- with the id after it where two departments of the LA share the name, or the id where the list gives no name.
CREATE VIEW dim_department_current AS
SELECT la_code, team_key, team_name, parent_team_key,
       CASE WHEN team_name IS NULL THEN team_key
            WHEN COUNT(*) OVER (PARTITION BY la_code, team_name) > 1 THEN team_name || ' (' || team_key || ')'
            ELSE team_name END AS team_label,
       as_at, load_id
FROM (
    SELECT d.la_code, d.team_key, d.team_name, d.parent_team_key, d.as_at, d.load_id,
           ROW_NUMBER() OVER (PARTITION BY d.la_code, d.team_key ORDER BY d.as_at DESC) AS recency
    FROM dim_department AS d
) AS newest
WHERE recency = 1;

-- The team views carry the label (the department's name where known, else the key as before) and pbi_team the parent.
DROP VIEW pbi_team;
CREATE VIEW pbi_team AS
SELECT t.la_code, t.team_name AS team_key, COALESCE(d.team_label, t.team_name) AS team_label,
       d.parent_team_key, COALESCE(parent.team_label, d.parent_team_key) AS parent_team_label
FROM dim_team AS t
LEFT JOIN dim_department_current AS d ON d.la_code = t.la_code AND d.team_key = t.team_name
LEFT JOIN dim_department_current AS parent ON parent.la_code = d.la_code AND parent.team_key = d.parent_team_key
UNION ALL
SELECT la_code, '(none)', 'No team recorded', NULL, NULL
FROM dim_local_authority;

DROP VIEW pbi_team_indicator_value;
CREATE VIEW pbi_team_indicator_value AS
SELECT v.la_code, v.team_key,
       v.indicator_code, i.label, i.item, i.item_title, i.unit, i.polarity, i.display_precision, i.sort_order,
       v.period_type || ':' || v.period_code AS period_key, v.period_type, v.period_code, p.start_date AS period_start, p.end_date AS period_end,
       v.numerator, v.denominator, v.value,
       v.load_id, l.as_at AS data_as_at,
       COALESCE(d.team_label, CASE WHEN v.team_key = '(none)' THEN 'No team recorded' ELSE v.team_key END) AS team_label
FROM fact_team_indicator_value_current AS v
JOIN dim_indicator AS i ON i.indicator_code = v.indicator_code
JOIN dim_period AS p ON p.period_type = v.period_type AND p.period_code = v.period_code
JOIN audit_load AS l ON l.load_id = v.load_id
LEFT JOIN dim_department_current AS d ON d.la_code = v.la_code AND d.team_key = v.team_key;

DROP VIEW pbi_work_item;
CREATE VIEW pbi_work_item AS
SELECT w.la_code, w.team_key, w.as_at, w.item_kind, w.item_id, w.worker_key, w.person_key, w.counted_from, w.due_date, w.days_overdue, w.load_id,
       COALESCE(d.team_label, CASE WHEN w.team_key = '(none)' THEN 'No team recorded' ELSE w.team_key END) AS team_label
FROM fact_work_item_current AS w
LEFT JOIN dim_department_current AS d ON d.la_code = w.la_code AND d.team_key = w.team_key;
