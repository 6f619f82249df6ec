-- The load_id indexes of the two indicator value tables go (SQLite only). In a WITHOUT ROWID table an index holds the
-- whole primary key again, so each index was as large as its table: on the seeds a third of the warehouse file, written
-- twice per load (WAL, then the file). No read uses them: the current-value views, the readers and the pbi_ views seek
-- by la_code on the primary key. The one statement they served, deleting a load's values when the same load runs again
-- (a replay, a retried failure), now reads the table through instead, and a new load skips it (docs/warehouse.md).
DROP INDEX ix_fact_indicator_value_load;
DROP INDEX ix_fact_team_indicator_value_load;
