-- Conformed dimensions. dim_date and dim_period are filled by the warehouse from the calendar when
-- it is migrated; dim_local_authority and dim_team as loads arrive; dim_indicator from the indicator
-- catalogue. dim_person is the ssd_person dataset's table (see 0003_event_facts.sql).

CREATE TABLE dim_date (
    date_key              INTEGER NOT NULL PRIMARY KEY,  -- yyyyMMdd
    calendar_date         TEXT    NOT NULL UNIQUE,       -- yyyy-MM-dd
    calendar_year         INTEGER NOT NULL,
    month_number          INTEGER NOT NULL,              -- 1-12
    month_code            TEXT    NOT NULL,              -- 2019-09 (dim_period.period_code)
    day_of_week           INTEGER NOT NULL,              -- ISO: 1 = Monday .. 7 = Sunday
    financial_year_start  INTEGER NOT NULL,              -- 2019 for 2019-20
    financial_year_code   TEXT    NOT NULL,              -- 2019-20
    fy_quarter            INTEGER NOT NULL,              -- 1 = Apr-Jun .. 4 = Jan-Mar
    fy_quarter_code       TEXT    NOT NULL,              -- 2019-20 Q2
    is_weekend            INTEGER NOT NULL CHECK (is_weekend IN (0, 1)),
    is_bank_holiday       INTEGER NOT NULL CHECK (is_bank_holiday IN (0, 1)),  -- England and Wales
    is_working_day        INTEGER NOT NULL CHECK (is_working_day IN (0, 1))    -- Mon-Fri, not a bank holiday
);

-- A period is identified by its type and code: the code alone is ambiguous, as December 2011 (month)
-- and the financial year 2011-12 are both published as 2011-12.
CREATE TABLE dim_period (
    period_type           TEXT    NOT NULL CHECK (period_type IN ('month', 'quarter', 'financial_year')),
    period_code           TEXT    NOT NULL,              -- 2019-09, 2019-20 Q2, 2019-20
    start_date            TEXT    NOT NULL,              -- yyyy-MM-dd, inclusive
    end_date              TEXT    NOT NULL,              -- yyyy-MM-dd, inclusive
    financial_year_code   TEXT    NOT NULL,              -- the financial year the period falls in
    PRIMARY KEY (period_type, period_code),
    UNIQUE (period_type, start_date)
);

CREATE TABLE dim_local_authority (
    la_code  TEXT NOT NULL PRIMARY KEY,                  -- DfE three-digit LA number
    la_name  TEXT                                        -- from the newest loaded manifest
);

-- Teams named in referrals, assessments and involvements, per LA.
CREATE TABLE dim_team (
    la_code    TEXT NOT NULL,
    team_name  TEXT NOT NULL,
    PRIMARY KEY (la_code, team_name)
) WITHOUT ROWID;

CREATE TABLE dim_indicator (
    indicator_code     TEXT    NOT NULL PRIMARY KEY,     -- CSC_REFERRALS
    label              TEXT    NOT NULL,                 -- No. of referrals to CSC
    item               INTEGER NOT NULL,                 -- dashboard item number
    item_title         TEXT    NOT NULL,                 -- Children's Social Care Front Door
    unit               TEXT    NOT NULL CHECK (unit IN ('count', 'percent', 'days', 'rate_per_10k')),
    polarity           TEXT    NOT NULL CHECK (polarity IN ('higher_is_better', 'lower_is_better', 'neutral')),
    display_precision  INTEGER NOT NULL,                 -- decimal places shown ("precision" is reserved in T-SQL)
    national_value     REAL,                             -- national comparator, null when none is published
    national_period    TEXT,                             -- the period the national value refers to
    sort_order         INTEGER NOT NULL                  -- order on the published dashboard
);
