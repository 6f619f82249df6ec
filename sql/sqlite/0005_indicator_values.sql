-- Computed indicator values. Every load's values are kept, so a restatement (a later load giving a
-- different value for the same LA, indicator and period) stays visible; the current value is the one
-- from the latest committed load (audit_load.load_seq) that computed it.

CREATE TABLE fact_indicator_value (
    la_code         TEXT NOT NULL,
    indicator_code  TEXT NOT NULL REFERENCES dim_indicator (indicator_code),
    period_type     TEXT NOT NULL,
    period_code     TEXT NOT NULL,
    load_id         TEXT NOT NULL REFERENCES audit_load (load_id),
    numerator       REAL,
    denominator     REAL,                     -- null for counts
    value           REAL,                     -- unrounded; null = not available (n/a), never 0
    PRIMARY KEY (la_code, indicator_code, period_type, period_code, load_id),
    FOREIGN KEY (period_type, period_code) REFERENCES dim_period (period_type, period_code)
) WITHOUT ROWID;

CREATE INDEX ix_fact_indicator_value_load ON fact_indicator_value (load_id);

CREATE VIEW fact_indicator_value_current AS
SELECT la_code, indicator_code, period_type, period_code, load_id, numerator, denominator, value
FROM (
    SELECT v.la_code, v.indicator_code, v.period_type, v.period_code, v.load_id, v.numerator, v.denominator, v.value,
           ROW_NUMBER() OVER (PARTITION BY v.la_code, v.indicator_code, v.period_type, v.period_code
                              ORDER BY l.load_seq DESC) AS recency
    FROM fact_indicator_value AS v
    JOIN audit_load AS l ON l.load_id = v.load_id
    WHERE l.status = 'loaded'
) AS ranked
WHERE recency = 1;
