-- SSD-native batches (docs/extracts.md, "SSD as LAs extract it"): the columns an SSD export has no source for,
-- or leaves NULL in every system's script, become optional. The workforce's agency flag, full-time equivalency,
-- qualification and employment start, and an active EHCP's educated-in-borough flag, may now be NULL; the
-- measures that need them are n/a with the reason when no row holds a value. The staging tables follow their
-- tables. Same columns as sql/sqlite/0012_ssd_extension_columns.sql.

ALTER TABLE dbo.fact_workforce ALTER COLUMN agency_worker bit NULL;
ALTER TABLE dbo.fact_workforce ALTER COLUMN full_time_equivalency decimal(18, 6) NULL;
ALTER TABLE dbo.fact_workforce ALTER COLUMN qualified_social_worker bit NULL;
ALTER TABLE dbo.fact_workforce ALTER COLUMN employment_start_date date NULL;
GO

ALTER TABLE stage.fact_workforce ALTER COLUMN agency_worker bit NULL;
ALTER TABLE stage.fact_workforce ALTER COLUMN full_time_equivalency decimal(18, 6) NULL;
ALTER TABLE stage.fact_workforce ALTER COLUMN qualified_social_worker bit NULL;
ALTER TABLE stage.fact_workforce ALTER COLUMN employment_start_date date NULL;
GO

ALTER TABLE dbo.fact_ehcp_active_plan_snapshot ALTER COLUMN educated_in_borough bit NULL;
ALTER TABLE stage.fact_ehcp_active_plan_snapshot ALTER COLUMN educated_in_borough bit NULL;
GO
