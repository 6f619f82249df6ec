-- The LA's targets in force (reference data, docs/reference.md) for the Power BI model, which judges each figure
-- red, amber or green against them as the report does (docs/powerbi.md). Same view as SQLite's
-- sql/sqlite/0015_pbi_target.sql (there it is pbi_target).

CREATE VIEW pbi.target AS
SELECT la_code, indicator_code, target, tolerance, source, from_date
FROM dbo.ref_target_current;
GO
