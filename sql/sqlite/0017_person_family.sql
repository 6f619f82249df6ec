-- The optional extension column ssd_person.pers_family_id (docs/extracts.md): the child's family or household,
-- pseudonymised like a person id, so a report can say how many families a small cohort came from. NULL where the
-- extract carries none. Same column as sql/sqlserver/0017_person_family.sql.

ALTER TABLE dim_person ADD COLUMN family_key TEXT;
