-- SSD-native involvements (docs/extracts.md, "Derived values"): an involvement whose worker SSD leaves empty
-- (invo_professional_id NULL) loads with a warning, so professional_key may be NULL; and invo_referral_id is kept
-- as referral_id, the column through which a missing invo_person_id is derived (Mosaic). The staging table
-- follows its table. Same columns as sql/sqlite/0016_involvement_referral.sql.

ALTER TABLE dbo.fact_involvement ALTER COLUMN professional_key nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dbo.fact_involvement ADD referral_id nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL;
GO

ALTER TABLE stage.fact_involvement ALTER COLUMN professional_key nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE stage.fact_involvement ADD referral_id nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL;
GO
