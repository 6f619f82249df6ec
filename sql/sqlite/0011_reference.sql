-- Reference data (docs/reference.md): population, bank holidays, comparators, targets, code maps and
-- allocated roles, loaded as files and versioned, never compiled in. Each import is one row of
-- ref_import; each file it brought one row of ref_file (kind, scope, the LA of an LA's own file, its
-- SHA-256 and what the manifest says of its source and publication); the rows of each file are kept
-- under the import. A file replaces the rows of the previous file of the same kind and scope (and LA);
-- the *_current views resolve what is in force: an LA's own file over the national file over the
-- shipped default, per key. Same tables and columns as sql/sqlserver/0011_reference.sql.

CREATE TABLE ref_import (
    import_id        TEXT    NOT NULL PRIMARY KEY,   -- ref-{yyyyMMddHHmmss}-{first 12 hex of the import's sha256}
    import_seq       INTEGER NOT NULL UNIQUE,        -- commit order: the later import wins within a scope
    origin           TEXT    NOT NULL,               -- where the files came from: a folder, a blob container, the shipped defaults
    imported_at      TEXT    NOT NULL,               -- UTC, ISO 8601
    manifest_sha256  TEXT                            -- the import's files and hashes, hashed: names it in audit_load
);

CREATE TABLE ref_file (
    import_id     TEXT    NOT NULL REFERENCES ref_import (import_id),
    kind          TEXT    NOT NULL CHECK (kind IN ('population', 'bank-holidays', 'comparators', 'targets', 'code-map', 'allocated-roles')),
    scope         TEXT    NOT NULL CHECK (scope IN ('default', 'national', 'la')),
    scope_la      TEXT    NOT NULL,                  -- the LA of an LA's own file; '' for national and default files
    file_path     TEXT    NOT NULL,                  -- as found: reference/population.csv, 872/reference/targets.csv
    sha256        TEXT    NOT NULL,                  -- lower-case hex of the file's bytes
    row_count     INTEGER NOT NULL,
    source        TEXT,                              -- the publisher and dataset, from the reference manifest
    published_on  TEXT,                              -- yyyy-MM-dd, from the reference manifest
    PRIMARY KEY (import_id, kind, scope, scope_la)
);

CREATE TABLE ref_population (
    import_id        TEXT    NOT NULL,
    scope            TEXT    NOT NULL,
    scope_la         TEXT    NOT NULL,
    la_code          TEXT    NOT NULL,
    year             INTEGER NOT NULL,               -- the estimate refers to 30 June of this year
    population_0_17  INTEGER NOT NULL CHECK (population_0_17 > 0),
    PRIMARY KEY (import_id, scope, scope_la, la_code, year)
) WITHOUT ROWID;

CREATE TABLE ref_bank_holiday (
    import_id     TEXT NOT NULL,
    scope         TEXT NOT NULL,
    holiday_date  TEXT NOT NULL,                     -- yyyy-MM-dd
    title         TEXT NOT NULL,
    notes         TEXT NOT NULL,
    source        TEXT NOT NULL,                     -- gov.uk or statutory-rules, as the file says
    PRIMARY KEY (import_id, scope, holiday_date)
) WITHOUT ROWID;

CREATE TABLE ref_comparator (
    import_id       TEXT NOT NULL,
    scope           TEXT NOT NULL,
    indicator_code  TEXT NOT NULL,
    geography       TEXT NOT NULL,                   -- England, region:<name>, statistical-neighbours
    period_label    TEXT NOT NULL,                   -- as published: 2018-19, calendar year 2018
    period_end      TEXT NOT NULL,                   -- yyyy-MM-dd the published period ends
    value           REAL NOT NULL,
    unit            TEXT NOT NULL,
    source_note     TEXT NOT NULL,
    PRIMARY KEY (import_id, scope, indicator_code, geography, period_end)
) WITHOUT ROWID;

CREATE TABLE ref_target (
    import_id       TEXT NOT NULL,
    la_code         TEXT NOT NULL,
    indicator_code  TEXT NOT NULL,
    target          REAL NOT NULL,
    tolerance       REAL NOT NULL,                   -- width of the amber band, in the indicator's unit
    source          TEXT NOT NULL CHECK (source IN ('statutory', 'local')),
    from_date       TEXT NOT NULL,                   -- yyyy-MM-dd the target applies from
    PRIMARY KEY (import_id, la_code, indicator_code, from_date)
) WITHOUT ROWID;

CREATE TABLE ref_code_map (
    import_id     TEXT NOT NULL,
    la_code       TEXT NOT NULL,
    dataset       TEXT NOT NULL,                     -- contract dataset, e.g. ssd_cin_episodes
    column_name   TEXT NOT NULL,                     -- contract column
    source_value  TEXT NOT NULL,                     -- the value the LA's system writes
    code          TEXT NOT NULL,                     -- the contract code it means
    PRIMARY KEY (import_id, la_code, dataset, column_name, source_value)
) WITHOUT ROWID;

CREATE TABLE ref_allocated_role (
    import_id  TEXT NOT NULL,
    la_code    TEXT NOT NULL,
    role       TEXT NOT NULL,                        -- an involvement role that counts as an allocated social worker
    PRIMARY KEY (import_id, la_code, role)
) WITHOUT ROWID;

-- Why a value is n/a (e.g. no population estimate for LA 999, year 2019) and which reference figure
-- it used (e.g. the population estimate and the file and import it came from). Keyed like
-- fact_indicator_value; only values with something to say have a row.
CREATE TABLE fact_indicator_note (
    la_code         TEXT NOT NULL,
    indicator_code  TEXT NOT NULL,
    period_type     TEXT NOT NULL,
    period_code     TEXT NOT NULL,
    load_id         TEXT NOT NULL REFERENCES audit_load (load_id),
    reason          TEXT,                            -- why the value is not available; null when it is
    basis           TEXT,                            -- the reference figure the value used, and where it came from
    PRIMARY KEY (la_code, indicator_code, period_type, period_code, load_id)
) WITHOUT ROWID;

-- A recomputation after a reference import is a load of its own (no datasets, source_system names the
-- import): this is the link from that load to the import.
CREATE TABLE audit_load_reference (
    load_id    TEXT NOT NULL PRIMARY KEY REFERENCES audit_load (load_id),
    import_id  TEXT NOT NULL REFERENCES ref_import (import_id)
);

-- The file in force per kind, scope and LA: the one of the latest import that brought it.
CREATE VIEW ref_file_current AS
SELECT import_id, kind, scope, scope_la, file_path, sha256, row_count, source, published_on, imported_at
FROM (
    SELECT f.import_id, f.kind, f.scope, f.scope_la, f.file_path, f.sha256, f.row_count, f.source, f.published_on, i.imported_at,
           ROW_NUMBER() OVER (PARTITION BY f.kind, f.scope, f.scope_la ORDER BY i.import_seq DESC) AS recency
    FROM ref_file AS f
    JOIN ref_import AS i ON i.import_id = f.import_id
) AS ranked
WHERE recency = 1;

-- Per LA and year: the LA's own file, else the national file, else the shipped default.
CREATE VIEW ref_population_current AS
SELECT la_code, year, population_0_17, import_id, scope, file_path, source, published_on
FROM (
    SELECT p.la_code, p.year, p.population_0_17, p.import_id, p.scope, f.file_path, f.source, f.published_on,
           ROW_NUMBER() OVER (PARTITION BY p.la_code, p.year
                              ORDER BY CASE p.scope WHEN 'la' THEN 3 WHEN 'national' THEN 2 ELSE 1 END DESC) AS precedence
    FROM ref_population AS p
    JOIN ref_file_current AS f
      ON f.import_id = p.import_id AND f.kind = 'population' AND f.scope = p.scope AND f.scope_la = p.scope_la
) AS ranked
WHERE precedence = 1;

-- One list in force: the national file's when one was loaded, else the shipped default.
CREATE VIEW ref_bank_holiday_current AS
SELECT h.holiday_date, h.title, h.notes, h.source, h.import_id, h.scope, f.file_path
FROM ref_bank_holiday AS h
JOIN ref_file_current AS f ON f.import_id = h.import_id AND f.kind = 'bank-holidays' AND f.scope = h.scope AND f.scope_la = ''
WHERE NOT (h.scope = 'default' AND EXISTS (SELECT 1 FROM ref_file_current AS n WHERE n.kind = 'bank-holidays' AND n.scope = 'national'));

-- Per indicator, geography and period: the national file's, else the shipped default.
CREATE VIEW ref_comparator_current AS
SELECT indicator_code, geography, period_label, period_end, value, unit, source_note, import_id, scope, file_path, source, published_on
FROM (
    SELECT c.indicator_code, c.geography, c.period_label, c.period_end, c.value, c.unit, c.source_note, c.import_id, c.scope,
           f.file_path, f.source, f.published_on,
           ROW_NUMBER() OVER (PARTITION BY c.indicator_code, c.geography, c.period_end
                              ORDER BY CASE c.scope WHEN 'national' THEN 2 ELSE 1 END DESC) AS precedence
    FROM ref_comparator AS c
    JOIN ref_file_current AS f ON f.import_id = c.import_id AND f.kind = 'comparators' AND f.scope = c.scope AND f.scope_la = ''
) AS ranked
WHERE precedence = 1;

CREATE VIEW ref_target_current AS
SELECT t.la_code, t.indicator_code, t.target, t.tolerance, t.source, t.from_date, t.import_id, f.file_path
FROM ref_target AS t
JOIN ref_file_current AS f ON f.import_id = t.import_id AND f.kind = 'targets' AND f.scope = 'la' AND f.scope_la = t.la_code;

CREATE VIEW ref_code_map_current AS
SELECT m.la_code, m.dataset, m.column_name, m.source_value, m.code, m.import_id, f.file_path
FROM ref_code_map AS m
JOIN ref_file_current AS f ON f.import_id = m.import_id AND f.kind = 'code-map' AND f.scope = 'la' AND f.scope_la = m.la_code;

CREATE VIEW ref_allocated_role_current AS
SELECT r.la_code, r.role, r.import_id, f.file_path
FROM ref_allocated_role AS r
JOIN ref_file_current AS f ON f.import_id = r.import_id AND f.kind = 'allocated-roles' AND f.scope = 'la' AND f.scope_la = r.la_code;
