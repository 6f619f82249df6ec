-- SSD-native care leavers (docs/extracts.md, "Care leavers"): clea_care_leaver_in_touch is NULL where SystemC's script
-- finds no care-leaver record, so in_touch may be NULL; such a row loads and takes no part in the care-leaver cohort.
-- The staging table follows its table; no view reads the column. Same columns as
-- sql/sqlite/0018_care_leaver_in_touch.sql.

ALTER TABLE dbo.fact_care_leaver_snapshot ALTER COLUMN in_touch nvarchar(20) NULL;
GO

ALTER TABLE stage.fact_care_leaver_snapshot ALTER COLUMN in_touch nvarchar(20) NULL;
GO
