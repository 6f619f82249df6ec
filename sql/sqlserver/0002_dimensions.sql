-- Conformed dimensions. dim_date and dim_period are filled by the warehouse from the calendar when it is
-- migrated; dim_local_authority and dim_team as loads arrive; dim_indicator from the indicator catalogue.
-- dim_person is the ssd_person dataset's table (see 0003_event_facts.sql). Same columns as SQLite's.

CREATE TABLE dbo.dim_date (
    date_key              int           NOT NULL,  -- yyyyMMdd
    calendar_date         date          NOT NULL,
    calendar_year         int           NOT NULL,
    month_number          int           NOT NULL,  -- 1-12
    month_code            nvarchar(16)  NOT NULL,  -- 2019-09 (dim_period.period_code)
    day_of_week           int           NOT NULL,  -- ISO: 1 = Monday .. 7 = Sunday
    financial_year_start  int           NOT NULL,  -- 2019 for 2019-20
    financial_year_code   nvarchar(16)  NOT NULL,  -- 2019-20
    fy_quarter            int           NOT NULL,  -- 1 = Apr-Jun .. 4 = Jan-Mar
    fy_quarter_code       nvarchar(16)  NOT NULL,  -- 2019-20 Q2
    is_weekend            bit           NOT NULL,
    is_bank_holiday       bit           NOT NULL,  -- England and Wales
    is_working_day        bit           NOT NULL,  -- Mon-Fri, not a bank holiday
    CONSTRAINT pk_dim_date PRIMARY KEY CLUSTERED (date_key),
    CONSTRAINT uq_dim_date_calendar_date UNIQUE (calendar_date)
);
GO

-- A period is identified by its type and code: the code alone is ambiguous, as December 2011 (month)
-- and the financial year 2011-12 are both published as 2011-12.
CREATE TABLE dbo.dim_period (
    period_type          nvarchar(16)  NOT NULL,
    period_code          nvarchar(16)  NOT NULL,  -- 2019-09, 2019-20 Q2, 2019-20
    start_date           date          NOT NULL,  -- inclusive
    end_date             date          NOT NULL,  -- inclusive
    financial_year_code  nvarchar(16)  NOT NULL,  -- the financial year the period falls in
    CONSTRAINT pk_dim_period PRIMARY KEY CLUSTERED (period_type, period_code),
    CONSTRAINT uq_dim_period_type_start UNIQUE (period_type, start_date),
    CONSTRAINT ck_dim_period_type CHECK (period_type IN (N'month', N'quarter', N'financial_year'))
);
GO

CREATE TABLE dbo.dim_local_authority (
    la_code  nvarchar(10)   NOT NULL,  -- DfE three-digit LA number
    la_name  nvarchar(200)  NULL,      -- from the newest loaded manifest
    CONSTRAINT pk_dim_local_authority PRIMARY KEY CLUSTERED (la_code)
);
GO

-- Teams named in referrals, assessments and involvements, per LA.
CREATE TABLE dbo.dim_team (
    la_code    nvarchar(10)   NOT NULL,
    team_name  nvarchar(400)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_dim_team PRIMARY KEY CLUSTERED (la_code, team_name)
);
GO

CREATE TABLE dbo.dim_indicator (
    indicator_code     nvarchar(64)    NOT NULL,  -- CSC_REFERRALS
    label              nvarchar(400)   NOT NULL,  -- No. of referrals to CSC
    item               int             NOT NULL,  -- dashboard item number
    item_title         nvarchar(200)   NOT NULL,  -- Children's Social Care Front Door
    unit               nvarchar(16)    NOT NULL,
    polarity           nvarchar(20)    NOT NULL,
    display_precision  int             NOT NULL,  -- decimal places shown ("precision" is reserved)
    national_value     decimal(28, 12) NULL,      -- national comparator, null when none is published
    national_period    nvarchar(16)    NULL,      -- the period the national value refers to
    sort_order         int             NOT NULL,  -- order on the published dashboard
    CONSTRAINT pk_dim_indicator PRIMARY KEY CLUSTERED (indicator_code),
    CONSTRAINT ck_dim_indicator_unit CHECK (unit IN (N'count', N'percent', N'days', N'rate_per_10k')),
    CONSTRAINT ck_dim_indicator_polarity CHECK (polarity IN (N'higher_is_better', N'lower_is_better', N'neutral'))
);
GO
