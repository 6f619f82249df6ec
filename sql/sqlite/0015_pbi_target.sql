-- The LA's targets in force (reference data, docs/reference.md) for the Power BI model, which judges each figure
-- red, amber or green against them as the report does (docs/powerbi.md). Same view as SQL Server's
-- sql/sqlserver/0015_pbi_target.sql (there it is pbi.target).

CREATE VIEW pbi_target AS
SELECT la_code, indicator_code, target, tolerance, source, from_date
FROM ref_target_current;
