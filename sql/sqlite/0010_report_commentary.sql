-- Officers' commentary on the quarterly report: one text per LA, period, dashboard item and section, with
-- who wrote it, when and whether it is approved. The drafted sentences are computed from the figures and
-- never stored here, so an edit can never overwrite them. Same table and view as SQL Server's
-- sql/sqlserver/0010_report_commentary.sql (there the view is pbi.report_commentary).

CREATE TABLE report_commentary (
    la_code      TEXT     NOT NULL,
    period_code  TEXT     NOT NULL,  -- 2019-20 Q2, 2019-20 or 2019-09
    item         INTEGER  NOT NULL CHECK (item BETWEEN 1 AND 99),
    section      TEXT     NOT NULL CHECK (section IN ('what_it_shows', 'background', 'action', 'national_context')),
    body         TEXT     NOT NULL,  -- Markdown paragraphs
    author       TEXT     NOT NULL,
    updated_at   TEXT     NOT NULL,  -- UTC, ISO 8601
    status       TEXT     NOT NULL CHECK (status IN ('draft', 'approved')),
    PRIMARY KEY (la_code, period_code, item, section)
);

CREATE VIEW pbi_report_commentary AS
SELECT la_code, period_code, item, section, body, author, updated_at, status
FROM report_commentary;
