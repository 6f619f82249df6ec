-- Computed indicator values. Every load's values are kept, so a restatement (a later load giving a different
-- value for the same LA, indicator and period) stays visible; the current value is the one from the latest
-- committed load (audit_load.load_seq) that computed it. Same columns as sql/sqlite/0005_indicator_values.sql.
--
-- Indexes (docs/sqlserver.md):
--   cci_fact_indicator_value   clustered columnstore: the table only grows (LA x indicator x period x load)
--                              and Power BI scans it whole through the pbi views; columnstore compresses it
--                              several-fold and runs those scans and the ROW_NUMBER of the current view in
--                              batch mode.
--   pk_fact_indicator_value    nonclustered primary key: uniqueness, and one indicator's series for an LA.
--   ix_fact_indicator_value_la_period
--                              narrow covering rowstore index for the current-value lookup: an LA's values
--                              (the engine, the dashboard query), or an LA's values for a few periods (the
--                              dashboard's period, same period last year, previous year), without touching
--                              the columnstore.

CREATE TABLE dbo.fact_indicator_value (
    la_code         nvarchar(10)     NOT NULL,
    indicator_code  nvarchar(64)     NOT NULL,
    period_type     nvarchar(16)     NOT NULL,
    period_code     nvarchar(16)     NOT NULL,
    load_id         nvarchar(64)     NOT NULL,
    numerator       decimal(28, 12)  NULL,
    denominator     decimal(28, 12)  NULL,  -- null for counts
    value           decimal(28, 12)  NULL,  -- unrounded; null = not available (n/a), never 0
    CONSTRAINT pk_fact_indicator_value PRIMARY KEY NONCLUSTERED (la_code, indicator_code, period_type, period_code, load_id),
    CONSTRAINT fk_fact_indicator_value_indicator FOREIGN KEY (indicator_code) REFERENCES dbo.dim_indicator (indicator_code),
    CONSTRAINT fk_fact_indicator_value_period FOREIGN KEY (period_type, period_code) REFERENCES dbo.dim_period (period_type, period_code),
    CONSTRAINT fk_fact_indicator_value_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id),
    INDEX cci_fact_indicator_value CLUSTERED COLUMNSTORE
);
GO

CREATE INDEX ix_fact_indicator_value_la_period
    ON dbo.fact_indicator_value (la_code, period_type, period_code, indicator_code, load_id)
    INCLUDE (numerator, denominator, value);
GO

CREATE VIEW dbo.fact_indicator_value_current AS
SELECT la_code, indicator_code, period_type, period_code, load_id, numerator, denominator, value
FROM (
    SELECT v.la_code, v.indicator_code, v.period_type, v.period_code, v.load_id, v.numerator, v.denominator, v.value,
           ROW_NUMBER() OVER (PARTITION BY v.la_code, v.indicator_code, v.period_type, v.period_code
                              ORDER BY l.load_seq DESC) AS recency
    FROM dbo.fact_indicator_value AS v
    JOIN dbo.audit_load AS l ON l.load_id = v.load_id
    WHERE l.status = N'loaded'
) AS ranked
WHERE recency = 1;
GO
