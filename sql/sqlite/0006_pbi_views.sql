-- Reporting views for Power BI and the dashboard query. SQL Server has them in a pbi schema
-- (pbi.indicator_value); SQLite has no schemas, so here they are named pbi_<name>.

CREATE VIEW pbi_date AS
SELECT date_key, calendar_date, calendar_year, month_number, month_code, day_of_week,
       financial_year_start, financial_year_code, fy_quarter, fy_quarter_code,
       is_weekend, is_bank_holiday, is_working_day
FROM dim_date;

-- period_key (month:2011-12, financial_year:2011-12) is unique on its own, for models that relate on one column.
CREATE VIEW pbi_period AS
SELECT period_type || ':' || period_code AS period_key, period_type, period_code, start_date, end_date, financial_year_code
FROM dim_period;

CREATE VIEW pbi_local_authority AS
SELECT la_code, la_name
FROM dim_local_authority;

CREATE VIEW pbi_indicator AS
SELECT indicator_code, label, item, item_title, unit, polarity, display_precision,
       national_value, national_period, sort_order
FROM dim_indicator;

-- One row per LA, indicator and period: the current value with everything needed to show it.
CREATE VIEW pbi_indicator_value AS
SELECT v.la_code, la.la_name,
       v.indicator_code, i.label, i.item, i.item_title, i.unit, i.polarity, i.display_precision, i.sort_order,
       v.period_type || ':' || v.period_code AS period_key, v.period_type, v.period_code, p.start_date AS period_start, p.end_date AS period_end,
       v.numerator, v.denominator, v.value,
       i.national_value, i.national_period,
       v.load_id, l.as_at AS data_as_at
FROM fact_indicator_value_current AS v
JOIN dim_indicator AS i ON i.indicator_code = v.indicator_code
JOIN dim_period AS p ON p.period_type = v.period_type AND p.period_code = v.period_code
JOIN audit_load AS l ON l.load_id = v.load_id
LEFT JOIN dim_local_authority AS la ON la.la_code = v.la_code;

-- Every value ever computed, to show restatements between loads.
CREATE VIEW pbi_indicator_value_history AS
SELECT v.la_code, v.indicator_code, v.period_type || ':' || v.period_code AS period_key, v.period_type, v.period_code, v.numerator, v.denominator, v.value,
       v.load_id, l.as_at AS data_as_at, l.load_seq, l.finished_at AS computed_at
FROM fact_indicator_value AS v
JOIN audit_load AS l ON l.load_id = v.load_id
WHERE l.status = 'loaded';

CREATE VIEW pbi_load AS
SELECT l.load_id, l.la_code, l.as_at, l.status, l.started_at, l.finished_at, l.attempts, l.error,
       d.dataset, d.table_name, d.rows_read, d.rows_loaded, d.rows_rejected, d.rows_warnings, d.outcome
FROM audit_load AS l
LEFT JOIN audit_load_dataset AS d ON d.load_id = l.load_id;
