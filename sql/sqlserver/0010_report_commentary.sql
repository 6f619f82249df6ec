-- Officers' commentary on the quarterly report: one text per LA, period, dashboard item and section, with
-- who wrote it, when and whether it is approved. The drafted sentences are computed from the figures and
-- never stored here, so an edit can never overwrite them. Same table and view as SQLite's
-- sql/sqlite/0010_report_commentary.sql (there the view is pbi_report_commentary).

CREATE TABLE dbo.report_commentary (
    la_code      nvarchar(10)   NOT NULL,
    period_code  nvarchar(16)   NOT NULL,  -- 2019-20 Q2, 2019-20 or 2019-09
    item         int            NOT NULL,
    section      nvarchar(20)   NOT NULL,
    body         nvarchar(max)  NOT NULL,  -- Markdown paragraphs
    author       nvarchar(256)  NOT NULL,
    updated_at   datetime2(0)   NOT NULL,  -- UTC
    status       nvarchar(10)   NOT NULL,
    CONSTRAINT pk_report_commentary PRIMARY KEY CLUSTERED (la_code, period_code, item, section),
    CONSTRAINT ck_report_commentary_item CHECK (item BETWEEN 1 AND 99),
    CONSTRAINT ck_report_commentary_section CHECK (section IN (N'what_it_shows', N'background', N'action', N'national_context')),
    CONSTRAINT ck_report_commentary_status CHECK (status IN (N'draft', N'approved'))
);
GO

CREATE VIEW pbi.report_commentary AS
SELECT la_code, period_code, item, section, body, author, updated_at, status
FROM dbo.report_commentary;
GO
