-- Reference data (docs/reference.md): population, bank holidays, comparators, targets, code maps and
-- allocated roles, loaded as files and versioned, never compiled in. Each import is one row of
-- ref_import; each file it brought one row of ref_file; the rows of each file are kept under the
-- import. The *_current views resolve what is in force: an LA's own file over the national file over
-- the shipped default, per key. Same tables and columns as sql/sqlite/0011_reference.sql. The tables
-- are small (every English LA's population for ten years is under 2,000 rows): clustered primary
-- keys only.

CREATE TABLE dbo.ref_import (
    import_id        nvarchar(64)   NOT NULL,
    import_seq       bigint         NOT NULL,
    origin           nvarchar(400)  NOT NULL,
    imported_at      datetime2(3)   NOT NULL,  -- UTC
    manifest_sha256  nvarchar(64)   NULL,
    CONSTRAINT pk_ref_import PRIMARY KEY CLUSTERED (import_id),
    CONSTRAINT uq_ref_import_seq UNIQUE (import_seq)
);
GO

CREATE TABLE dbo.ref_file (
    import_id     nvarchar(64)   NOT NULL,
    kind          nvarchar(32)   NOT NULL,
    scope         nvarchar(16)   NOT NULL,
    scope_la      nvarchar(10)   NOT NULL,  -- the LA of an LA's own file; '' for national and default files
    file_path     nvarchar(400)  NOT NULL,
    sha256        nvarchar(64)   NOT NULL,
    row_count     int            NOT NULL,
    source        nvarchar(400)  NULL,
    published_on  date           NULL,
    CONSTRAINT pk_ref_file PRIMARY KEY CLUSTERED (import_id, kind, scope, scope_la),
    CONSTRAINT fk_ref_file_import FOREIGN KEY (import_id) REFERENCES dbo.ref_import (import_id),
    CONSTRAINT ck_ref_file_kind CHECK (kind IN (N'population', N'bank-holidays', N'comparators', N'targets', N'code-map', N'allocated-roles')),
    CONSTRAINT ck_ref_file_scope CHECK (scope IN (N'default', N'national', N'la'))
);
GO

CREATE TABLE dbo.ref_population (
    import_id        nvarchar(64)  NOT NULL,
    scope            nvarchar(16)  NOT NULL,
    scope_la         nvarchar(10)  NOT NULL,
    la_code          nvarchar(10)  NOT NULL,
    year             int           NOT NULL,  -- the estimate refers to 30 June of this year
    population_0_17  int           NOT NULL,
    CONSTRAINT pk_ref_population PRIMARY KEY CLUSTERED (import_id, scope, scope_la, la_code, year),
    CONSTRAINT ck_ref_population_positive CHECK (population_0_17 > 0)
);
GO

CREATE TABLE dbo.ref_bank_holiday (
    import_id     nvarchar(64)   NOT NULL,
    scope         nvarchar(16)   NOT NULL,
    holiday_date  date           NOT NULL,
    title         nvarchar(200)  NOT NULL,
    notes         nvarchar(400)  NOT NULL,
    source        nvarchar(100)  NOT NULL,
    CONSTRAINT pk_ref_bank_holiday PRIMARY KEY CLUSTERED (import_id, scope, holiday_date)
);
GO

CREATE TABLE dbo.ref_comparator (
    import_id       nvarchar(64)     NOT NULL,
    scope           nvarchar(16)     NOT NULL,
    indicator_code  nvarchar(64)     NOT NULL,
    geography       nvarchar(200)    NOT NULL,
    period_label    nvarchar(100)    NOT NULL,
    period_end      date             NOT NULL,
    value           decimal(28, 12)  NOT NULL,
    unit            nvarchar(100)    NOT NULL,
    source_note     nvarchar(400)    NOT NULL,
    CONSTRAINT pk_ref_comparator PRIMARY KEY CLUSTERED (import_id, scope, indicator_code, geography, period_end)
);
GO

CREATE TABLE dbo.ref_target (
    import_id       nvarchar(64)     NOT NULL,
    la_code         nvarchar(10)     NOT NULL,
    indicator_code  nvarchar(64)     NOT NULL,
    target          decimal(28, 12)  NOT NULL,
    tolerance       decimal(28, 12)  NOT NULL,
    source          nvarchar(16)     NOT NULL,
    from_date       date             NOT NULL,
    CONSTRAINT pk_ref_target PRIMARY KEY CLUSTERED (import_id, la_code, indicator_code, from_date),
    CONSTRAINT ck_ref_target_source CHECK (source IN (N'statutory', N'local'))
);
GO

CREATE TABLE dbo.ref_code_map (
    import_id     nvarchar(64)   NOT NULL,
    la_code       nvarchar(10)   NOT NULL,
    dataset       nvarchar(64)   NOT NULL,
    column_name   nvarchar(128)  NOT NULL,
    source_value  nvarchar(200)  NOT NULL,
    code          nvarchar(200)  NOT NULL,
    CONSTRAINT pk_ref_code_map PRIMARY KEY CLUSTERED (import_id, la_code, dataset, column_name, source_value)
);
GO

CREATE TABLE dbo.ref_allocated_role (
    import_id  nvarchar(64)   NOT NULL,
    la_code    nvarchar(10)   NOT NULL,
    role       nvarchar(200)  NOT NULL,
    CONSTRAINT pk_ref_allocated_role PRIMARY KEY CLUSTERED (import_id, la_code, role)
);
GO

-- Why a value is n/a and which reference figure it used; keyed like fact_indicator_value.
CREATE TABLE dbo.fact_indicator_note (
    la_code         nvarchar(10)   NOT NULL,
    indicator_code  nvarchar(64)   NOT NULL,
    period_type     nvarchar(16)   NOT NULL,
    period_code     nvarchar(16)   NOT NULL,
    load_id         nvarchar(64)   NOT NULL,
    reason          nvarchar(400)  NULL,
    basis           nvarchar(800)  NULL,
    CONSTRAINT pk_fact_indicator_note PRIMARY KEY CLUSTERED (la_code, indicator_code, period_type, period_code, load_id),
    CONSTRAINT fk_fact_indicator_note_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id)
);
GO

-- A recomputation after a reference import is a load of its own (no datasets, source_system names the
-- import): this is the link from that load to the import.
CREATE TABLE dbo.audit_load_reference (
    load_id    nvarchar(64)  NOT NULL,
    import_id  nvarchar(64)  NOT NULL,
    CONSTRAINT pk_audit_load_reference PRIMARY KEY CLUSTERED (load_id),
    CONSTRAINT fk_audit_load_reference_load FOREIGN KEY (load_id) REFERENCES dbo.audit_load (load_id),
    CONSTRAINT fk_audit_load_reference_import FOREIGN KEY (import_id) REFERENCES dbo.ref_import (import_id)
);
GO

CREATE VIEW dbo.ref_file_current AS
SELECT import_id, kind, scope, scope_la, file_path, sha256, row_count, source, published_on, imported_at
FROM (
    SELECT f.import_id, f.kind, f.scope, f.scope_la, f.file_path, f.sha256, f.row_count, f.source, f.published_on, i.imported_at,
           ROW_NUMBER() OVER (PARTITION BY f.kind, f.scope, f.scope_la ORDER BY i.import_seq DESC) AS recency
    FROM dbo.ref_file AS f
    JOIN dbo.ref_import AS i ON i.import_id = f.import_id
) AS ranked
WHERE recency = 1;
GO

CREATE VIEW dbo.ref_population_current AS
SELECT la_code, year, population_0_17, import_id, scope, file_path, source, published_on
FROM (
    SELECT p.la_code, p.year, p.population_0_17, p.import_id, p.scope, f.file_path, f.source, f.published_on,
           ROW_NUMBER() OVER (PARTITION BY p.la_code, p.year
                              ORDER BY CASE p.scope WHEN N'la' THEN 3 WHEN N'national' THEN 2 ELSE 1 END DESC) AS precedence
    FROM dbo.ref_population AS p
    JOIN dbo.ref_file_current AS f
      ON f.import_id = p.import_id AND f.kind = N'population' AND f.scope = p.scope AND f.scope_la = p.scope_la
) AS ranked
WHERE precedence = 1;
GO

CREATE VIEW dbo.ref_bank_holiday_current AS
SELECT h.holiday_date, h.title, h.notes, h.source, h.import_id, h.scope, f.file_path
FROM dbo.ref_bank_holiday AS h
JOIN dbo.ref_file_current AS f ON f.import_id = h.import_id AND f.kind = N'bank-holidays' AND f.scope = h.scope AND f.scope_la = N''
WHERE NOT (h.scope = N'default' AND EXISTS (SELECT 1 FROM dbo.ref_file_current AS n WHERE n.kind = N'bank-holidays' AND n.scope = N'national'));
GO

CREATE VIEW dbo.ref_comparator_current AS
SELECT indicator_code, geography, period_label, period_end, value, unit, source_note, import_id, scope, file_path, source, published_on
FROM (
    SELECT c.indicator_code, c.geography, c.period_label, c.period_end, c.value, c.unit, c.source_note, c.import_id, c.scope,
           f.file_path, f.source, f.published_on,
           ROW_NUMBER() OVER (PARTITION BY c.indicator_code, c.geography, c.period_end
                              ORDER BY CASE c.scope WHEN N'national' THEN 2 ELSE 1 END DESC) AS precedence
    FROM dbo.ref_comparator AS c
    JOIN dbo.ref_file_current AS f ON f.import_id = c.import_id AND f.kind = N'comparators' AND f.scope = c.scope AND f.scope_la = N''
) AS ranked
WHERE precedence = 1;
GO

CREATE VIEW dbo.ref_target_current AS
SELECT t.la_code, t.indicator_code, t.target, t.tolerance, t.source, t.from_date, t.import_id, f.file_path
FROM dbo.ref_target AS t
JOIN dbo.ref_file_current AS f ON f.import_id = t.import_id AND f.kind = N'targets' AND f.scope = N'la' AND f.scope_la = t.la_code;
GO

CREATE VIEW dbo.ref_code_map_current AS
SELECT m.la_code, m.dataset, m.column_name, m.source_value, m.code, m.import_id, f.file_path
FROM dbo.ref_code_map AS m
JOIN dbo.ref_file_current AS f ON f.import_id = m.import_id AND f.kind = N'code-map' AND f.scope = N'la' AND f.scope_la = m.la_code;
GO

CREATE VIEW dbo.ref_allocated_role_current AS
SELECT r.la_code, r.role, r.import_id, f.file_path
FROM dbo.ref_allocated_role AS r
JOIN dbo.ref_file_current AS f ON f.import_id = r.import_id AND f.kind = N'allocated-roles' AND f.scope = N'la' AND f.scope_la = r.la_code;
GO
