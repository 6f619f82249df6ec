-- Team managers' view (docs/teams.md): the measures that have a team, per team, stored with the LA's values by
-- the same load; the work due and overdue as at the load's data; and the Power BI user mapping extended with a team.
-- Same tables, columns and views as sql/sqlserver/0009_team_figures.sql.

-- team_key is the extract's team value (a name, or in SSD a department id); '(none)' = no team recorded.
CREATE TABLE fact_team_indicator_value (
    la_code         TEXT NOT NULL,
    team_key        TEXT NOT NULL,
    indicator_code  TEXT NOT NULL REFERENCES dim_indicator (indicator_code),
    period_type     TEXT NOT NULL,
    period_code     TEXT NOT NULL,
    load_id         TEXT NOT NULL REFERENCES audit_load (load_id),
    numerator       REAL,
    denominator     REAL,                     -- null for counts
    value           REAL,                     -- unrounded; null = not available (n/a), never 0
    PRIMARY KEY (la_code, team_key, indicator_code, period_type, period_code, load_id),
    FOREIGN KEY (period_type, period_code) REFERENCES dim_period (period_type, period_code)
) WITHOUT ROWID;

CREATE INDEX ix_fact_team_indicator_value_load ON fact_team_indicator_value (load_id);

CREATE VIEW fact_team_indicator_value_current AS
SELECT la_code, team_key, indicator_code, period_type, period_code, load_id, numerator, denominator, value
FROM (
    SELECT v.la_code, v.team_key, v.indicator_code, v.period_type, v.period_code, v.load_id, v.numerator, v.denominator, v.value,
           ROW_NUMBER() OVER (PARTITION BY v.la_code, v.team_key, v.indicator_code, v.period_type, v.period_code
                              ORDER BY l.load_seq DESC) AS recency
    FROM fact_team_indicator_value AS v
    JOIN audit_load AS l ON l.load_id = v.load_id
    WHERE l.status = 'loaded'
) AS ranked
WHERE recency = 1;

-- One row per case and item of work due or overdue on as_at; keys are pseudonyms only.
CREATE TABLE fact_work_item (
    load_id        TEXT    NOT NULL REFERENCES audit_load (load_id),
    la_code        TEXT    NOT NULL,
    as_at          TEXT    NOT NULL,          -- yyyy-MM-dd: the newest batch's as_at when the list was made
    item_kind      TEXT    NOT NULL CHECK (item_kind IN ('cp_visit', 'cic_visit', 'assessment', 'cp_plan_18_months', 'return_home_interview')),
    item_id        TEXT    NOT NULL,          -- the plan, period of care, assessment or missing episode
    team_key       TEXT    NOT NULL,
    worker_key     TEXT,                      -- the allocated worker's pseudonym; null when none
    person_key     TEXT    NOT NULL,          -- the child's pseudonym
    counted_from   TEXT    NOT NULL,          -- the date the timescale runs from
    due_date       TEXT    NOT NULL,
    days_overdue   INTEGER NOT NULL,          -- as_at - due_date in days: negative while still to come
    PRIMARY KEY (load_id, item_kind, item_id)
) WITHOUT ROWID;

-- The LA's current list: the one made by its latest committed load.
CREATE VIEW fact_work_item_current AS
SELECT w.load_id, w.la_code, w.as_at, w.item_kind, w.item_id, w.team_key, w.worker_key, w.person_key,
       w.counted_from, w.due_date, w.days_overdue
FROM fact_work_item AS w
JOIN audit_load AS l ON l.load_id = w.load_id
WHERE l.status = 'loaded'
  AND l.load_seq = (SELECT MAX(c.load_seq) FROM audit_load AS c WHERE c.la_code = w.la_code AND c.status = 'loaded');

-- The Power BI user mapping extended with a team: the LA role's rows (security_la_user) map a user to every team of
-- the LA (team_key ''); security_team_user maps a team manager to one team of one LA. pbi_team_user is both, the table
-- the "Team users" role filters. (A companion table, not a new column on security_la_user: that table is applied, and
-- SQL Server's offline model check takes tables whole, not altered.)
CREATE TABLE security_team_user (
    user_principal_name  TEXT NOT NULL,     -- e.g. manager@council.gov.uk
    la_code              TEXT NOT NULL,
    team_key             TEXT NOT NULL,     -- dim_team.team_name, or '(none)'
    PRIMARY KEY (user_principal_name, la_code, team_key)
) WITHOUT ROWID;

CREATE VIEW pbi_team_user AS
SELECT user_principal_name, la_code, '' AS team_key
FROM security_la_user
UNION ALL
SELECT user_principal_name, la_code, team_key
FROM security_team_user;

CREATE VIEW pbi_team AS
SELECT la_code, team_name AS team_key, team_name AS team_label
FROM dim_team
UNION ALL
SELECT la_code, '(none)', 'No team recorded'
FROM dim_local_authority;

CREATE VIEW pbi_team_indicator_value AS
SELECT v.la_code, v.team_key,
       v.indicator_code, i.label, i.item, i.item_title, i.unit, i.polarity, i.display_precision, i.sort_order,
       v.period_type || ':' || v.period_code AS period_key, v.period_type, v.period_code, p.start_date AS period_start, p.end_date AS period_end,
       v.numerator, v.denominator, v.value,
       v.load_id, l.as_at AS data_as_at
FROM fact_team_indicator_value_current AS v
JOIN dim_indicator AS i ON i.indicator_code = v.indicator_code
JOIN dim_period AS p ON p.period_type = v.period_type AND p.period_code = v.period_code
JOIN audit_load AS l ON l.load_id = v.load_id;

CREATE VIEW pbi_work_item AS
SELECT la_code, team_key, as_at, item_kind, item_id, worker_key, person_key, counted_from, due_date, days_overdue, load_id
FROM fact_work_item_current;
