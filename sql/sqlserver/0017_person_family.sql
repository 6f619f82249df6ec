-- The optional extension column ssd_person.pers_family_id (docs/extracts.md): the child's family or household,
-- pseudonymised like a person id, so a report can say how many families a small cohort came from. NULL where the
-- extract carries none. The staging table follows its table. Same column as sql/sqlite/0017_person_family.sql.

ALTER TABLE dbo.dim_person ADD family_key nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL;
GO

ALTER TABLE stage.dim_person ADD family_key nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL;
GO
