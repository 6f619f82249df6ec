-- dim_indicator.national_period was nvarchar(16), too short for a comparator labelled with its own period as
-- published ("calendar year 2018" is 18 characters): writing the dimension stopped with a truncation error. It is
-- widened to ref_comparator.period_label's length, so every period a comparator file may carry fits. SQLite's text
-- has no length, so this migration has no SQLite counterpart.

ALTER TABLE dbo.dim_indicator ALTER COLUMN national_period nvarchar(100) NULL;
GO

-- The views selecting the column keep their metadata until refreshed (they are not schema-bound).
EXEC sys.sp_refreshview N'pbi.indicator';
GO
EXEC sys.sp_refreshview N'pbi.indicator_value';
GO
