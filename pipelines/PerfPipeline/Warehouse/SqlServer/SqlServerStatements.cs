namespace PerfPipeline.Warehouse.SqlServer;

using PerfPipeline.Extracts;
using PerfPipeline.Reference;

/// <summary>
/// Every T-SQL batch and bulk-copy target of the Azure SQL warehouse, in one place: the offline tests compile each
/// statement as a procedure against the DacFx model of <c>sql/sqlserver/</c> and resolve each bulk-copy column, so
/// a misspelt table or column fails the build rather than a load in production.
/// </summary>
internal static class SqlServerStatements
{
    private const string Key = "@LoadId nvarchar(64), @LaCode nvarchar(10), @AsAt date";

    /// <summary>
    /// Takes the LA's row of <c>dim_local_authority</c> (creating it when new) and keeps it locked until the load
    /// commits: loads of one LA run one at a time, loads of different LAs side by side.
    /// </summary>
    public static readonly SqlServerStatement LockLocalAuthority = new(nameof(LockLocalAuthority), """
        MERGE dbo.dim_local_authority WITH (HOLDLOCK) AS t
        USING (SELECT @LaCode AS la_code) AS s ON t.la_code = s.la_code
        WHEN MATCHED THEN UPDATE SET la_name = t.la_name
        WHEN NOT MATCHED THEN INSERT (la_code, la_name) VALUES (s.la_code, NULL);
        """, "@LaCode nvarchar(10)");

    /// <summary>
    /// The load's audit row, marked loaded. A load recorded before (a replay, or a failed load run again) first
    /// forgets what that attempt recorded; a new load has nothing to clear and touches no other load's rows.
    /// </summary>
    public static readonly SqlServerStatement BeginLoad = new(nameof(BeginLoad), """
        UPDATE dbo.audit_load
        SET source_system = @SourceSystem, status = N'loaded', attempts = attempts + 1,
            started_at = @StartedAt, finished_at = @StartedAt, error = NULL
        WHERE load_id = @LoadId;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.audit_load (load_id, la_code, as_at, manifest_sha256, source_system, status, load_seq, attempts, started_at, finished_at, error)
            VALUES (@LoadId, @LaCode, @AsAt, @ManifestSha256, @SourceSystem, N'loaded', NULL, 1, @StartedAt, @StartedAt, NULL);
        ELSE
        BEGIN
            DELETE FROM dbo.audit_load_dataset WHERE load_id = @LoadId;
            DELETE FROM dbo.audit_load_issue WHERE load_id = @LoadId;
            DELETE FROM dbo.fact_indicator_value WHERE la_code = @LaCode AND load_id = @LoadId;
            DELETE FROM dbo.fact_indicator_note WHERE la_code = @LaCode AND load_id = @LoadId;
            DELETE FROM dbo.fact_team_indicator_value WHERE la_code = @LaCode AND load_id = @LoadId;
            DELETE FROM dbo.fact_work_item WHERE load_id = @LoadId;
        END
        """, $"{Key}, @ManifestSha256 nvarchar(64), @SourceSystem nvarchar(200), @StartedAt datetime2(3)");

    /// <summary>The load whose rows of an event dataset are the LA's current ones, with its as_at.</summary>
    public static readonly SqlServerStatement CurrentEventLoad = new(nameof(CurrentEventLoad), """
        SELECT d.load_id AS LoadId, l.as_at AS AsAt
        FROM dbo.audit_load_dataset AS d
        JOIN dbo.audit_load AS l ON l.load_id = d.load_id
        WHERE l.la_code = @LaCode AND d.dataset = @Dataset AND d.outcome = N'current';
        """, "@LaCode nvarchar(10), @Dataset nvarchar(64)");

    public static readonly SqlServerStatement RecordDataset = new(nameof(RecordDataset), """
        INSERT INTO dbo.audit_load_dataset
            (load_id, dataset, table_name, file_name, rows_read, rows_loaded, rows_rejected, rows_warnings, outcome, superseded_by)
        VALUES (@LoadId, @Dataset, @TableName, @FileName, @RowsRead, @RowsLoaded, @RowsRejected, @RowsWarnings, @Outcome, @SupersededBy);
        """, """
        @LoadId nvarchar(64), @Dataset nvarchar(64), @TableName nvarchar(128), @FileName nvarchar(260), @RowsRead bigint,
        @RowsLoaded bigint, @RowsRejected bigint, @RowsWarnings bigint, @Outcome nvarchar(20), @SupersededBy nvarchar(64)
        """);

    /// <summary>The LA's name (unless a batch with a later as_at is loaded) and the teams its current data names.</summary>
    public static readonly SqlServerStatement UpdateDimensions = new(nameof(UpdateDimensions), """
        UPDATE dbo.dim_local_authority SET la_name = @LaName
        WHERE la_code = @LaCode AND @LaName IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM dbo.audit_load WHERE la_code = @LaCode AND status = N'loaded' AND as_at > @AsAt);
        INSERT INTO dbo.dim_team (la_code, team_name)
        SELECT t.la_code, t.team_name
        FROM (
            SELECT la_code, referral_team AS team_name FROM dbo.fact_referral WHERE la_code = @LaCode AND referral_team IS NOT NULL
            UNION SELECT la_code, assessment_team FROM dbo.fact_assessment WHERE la_code = @LaCode AND assessment_team IS NOT NULL
            UNION SELECT la_code, professional_team FROM dbo.fact_involvement WHERE la_code = @LaCode AND professional_team IS NOT NULL
        ) AS t
        WHERE NOT EXISTS (SELECT 1 FROM dbo.dim_team AS d WHERE d.la_code = t.la_code AND d.team_name = t.team_name);
        """, "@LaCode nvarchar(10), @AsAt date, @LaName nvarchar(200)");

    /// <summary>Adds the periods a load's values name that the calendar fill did not (outside its range).</summary>
    public static readonly SqlServerStatement InsertStagedPeriods = new(nameof(InsertStagedPeriods), """
        INSERT INTO dbo.dim_period (period_type, period_code, start_date, end_date, financial_year_code)
        SELECT s.period_type, s.period_code, s.start_date, s.end_date, s.financial_year_code
        FROM stage.dim_period AS s
        WHERE s.load_id = @LoadId
          AND NOT EXISTS (SELECT 1 FROM dbo.dim_period AS p WITH (UPDLOCK, HOLDLOCK)
                          WHERE p.period_type = s.period_type AND p.period_code = s.period_code);
        DELETE FROM stage.dim_period WHERE load_id = @LoadId;
        """, "@LoadId nvarchar(64)");

    /// <summary>
    /// Gives the load the next commit number. The filter lets the MAX seek the end of ux_audit_load_seq, so the
    /// key-range lock it holds to commit covers only the highest number: concurrent loads queue at this last step only.
    /// </summary>
    public static readonly SqlServerStatement FinishLoad = new(nameof(FinishLoad), """
        UPDATE dbo.audit_load
        SET load_seq = (SELECT COALESCE(MAX(s.load_seq), 0) + 1 FROM dbo.audit_load AS s WITH (UPDLOCK, HOLDLOCK) WHERE s.load_seq IS NOT NULL),
            finished_at = @FinishedAt
        WHERE load_id = @LoadId;
        """, "@LoadId nvarchar(64), @FinishedAt datetime2(3)");

    /// <summary>A failed load, recorded in its own transaction; a load already loaded keeps its status and data.</summary>
    public static readonly SqlServerStatement RecordFailure = new(nameof(RecordFailure), """
        UPDATE dbo.audit_load WITH (UPDLOCK, HOLDLOCK)
        SET attempts = attempts + 1, started_at = @StartedAt, finished_at = @FinishedAt, error = @Error
        WHERE load_id = @LoadId;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.audit_load (load_id, la_code, as_at, manifest_sha256, source_system, status, load_seq, attempts, started_at, finished_at, error)
            VALUES (@LoadId, @LaCode, @AsAt, @ManifestSha256, NULL, N'failed', NULL, 1, @StartedAt, @FinishedAt, @Error);
        """, $"{Key}, @ManifestSha256 nvarchar(64), @StartedAt datetime2(3), @FinishedAt datetime2(3), @Error nvarchar(max)");

    /// <summary>Records a copy purged from the archive or quarantine; purging the same copy again updates its record.</summary>
    public static readonly SqlServerStatement RecordPurge = new(nameof(RecordPurge), """
        UPDATE dbo.audit_purge WITH (UPDLOCK, HOLDLOCK)
        SET copied_at = @CopiedAt, purged_at = @PurgedAt, retention_months = @RetentionMonths
        WHERE load_id = @LoadId AND copy_kind = @CopyKind;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.audit_purge (load_id, copy_kind, la_code, as_at, copied_at, purged_at, retention_months)
            VALUES (@LoadId, @CopyKind, @LaCode, @AsAt, @CopiedAt, @PurgedAt, @RetentionMonths);
        """, $"{Key}, @CopyKind nvarchar(10), @CopiedAt datetime2(3), @PurgedAt datetime2(3), @RetentionMonths int");

    /// <summary>The purges of one load's copies (@LoadId), or of every copy when it is null; newest first.</summary>
    public static readonly SqlServerStatement ListPurges = new(nameof(ListPurges), """
        SELECT load_id AS LoadId, copy_kind AS CopyKind, la_code AS LaCode, as_at AS AsAt, copied_at AS CopiedAt,
               purged_at AS PurgedAt, retention_months AS RetentionMonths
        FROM dbo.audit_purge
        WHERE @LoadId IS NULL OR load_id = @LoadId
        ORDER BY purged_at DESC, load_id, copy_kind;
        """, "@LoadId nvarchar(64)");

    /// <summary>Loads (all, or those with @Status) newest first, then their datasets.</summary>
    public static readonly SqlServerStatement ListLoads = new(nameof(ListLoads), """
        SELECT load_id AS LoadId, la_code AS LaCode, as_at AS AsAt, manifest_sha256 AS ManifestSha256, source_system AS SourceSystem,
               status AS Status, attempts AS Attempts, started_at AS StartedAt, finished_at AS FinishedAt, error AS Error
        FROM dbo.audit_load
        WHERE (@LoadId IS NULL OR load_id = @LoadId) AND (@Status IS NULL OR status = @Status)
        ORDER BY finished_at DESC, load_id;
        SELECT d.load_id AS LoadId, d.dataset AS Dataset, d.table_name AS TableName, d.rows_read AS RowsRead, d.rows_loaded AS RowsLoaded,
               d.rows_rejected AS RowsRejected, d.rows_warnings AS RowsWarnings, d.outcome AS Outcome, d.superseded_by AS SupersededBy
        FROM dbo.audit_load_dataset AS d
        JOIN dbo.audit_load AS l ON l.load_id = d.load_id
        WHERE (@LoadId IS NULL OR l.load_id = @LoadId) AND (@Status IS NULL OR l.status = @Status);
        """, "@LoadId nvarchar(64), @Status nvarchar(10)");

    /// <summary>The LA's most recently committed load (ix_audit_load_la_as_at narrows it to the LA's loads).</summary>
    public static readonly SqlServerStatement LatestLoad = new(nameof(LatestLoad), """
        SELECT TOP (1) la_code AS LaCode, as_at AS AsAt, manifest_sha256 AS ManifestSha256, finished_at AS FinishedAt,
               (SELECT MAX(as_at) FROM dbo.audit_load WHERE la_code = @LaCode AND status = N'loaded') AS DataAsAt,
               (SELECT import_id FROM dbo.ref_import WHERE import_seq = (SELECT MAX(import_seq) FROM dbo.ref_import)) AS ReferenceImport
        FROM dbo.audit_load
        WHERE la_code = @LaCode AND status = N'loaded'
        ORDER BY finished_at DESC, load_id;
        """, "@LaCode nvarchar(10)");

    /// <summary>How much of the calendar is stored: the fill runs only when these differ from the calendar's.</summary>
    public static readonly SqlServerStatement CalendarCounts = new(nameof(CalendarCounts), """
        SELECT (SELECT COUNT_BIG(*) FROM dbo.dim_date) AS Dates,
               (SELECT COUNT_BIG(*) FROM dbo.dim_date WHERE is_bank_holiday = 1) AS BankHolidays,
               (SELECT COUNT_BIG(*) FROM dbo.dim_period WHERE start_date BETWEEN @First AND @Last) AS Periods;
        """, "@First date, @Last date");

    /// <summary>Merges the staged calendar into dim_date and dim_period (periods are referenced, so never deleted).</summary>
    public static readonly SqlServerStatement MergeStagedCalendar = new(nameof(MergeStagedCalendar), """
        MERGE dbo.dim_date AS t
        USING (SELECT * FROM stage.dim_date WHERE load_id = @LoadId) AS s ON t.date_key = s.date_key
        WHEN MATCHED THEN UPDATE SET
            calendar_date = s.calendar_date, calendar_year = s.calendar_year, month_number = s.month_number, month_code = s.month_code,
            day_of_week = s.day_of_week, financial_year_start = s.financial_year_start, financial_year_code = s.financial_year_code,
            fy_quarter = s.fy_quarter, fy_quarter_code = s.fy_quarter_code, is_weekend = s.is_weekend,
            is_bank_holiday = s.is_bank_holiday, is_working_day = s.is_working_day
        WHEN NOT MATCHED THEN INSERT (date_key, calendar_date, calendar_year, month_number, month_code, day_of_week, financial_year_start,
            financial_year_code, fy_quarter, fy_quarter_code, is_weekend, is_bank_holiday, is_working_day)
        VALUES (s.date_key, s.calendar_date, s.calendar_year, s.month_number, s.month_code, s.day_of_week, s.financial_year_start,
            s.financial_year_code, s.fy_quarter, s.fy_quarter_code, s.is_weekend, s.is_bank_holiday, s.is_working_day);
        MERGE dbo.dim_period AS t
        USING (SELECT * FROM stage.dim_period WHERE load_id = @LoadId) AS s
            ON t.period_type = s.period_type AND t.period_code = s.period_code
        WHEN MATCHED THEN UPDATE SET start_date = s.start_date, end_date = s.end_date, financial_year_code = s.financial_year_code
        WHEN NOT MATCHED THEN INSERT (period_type, period_code, start_date, end_date, financial_year_code)
        VALUES (s.period_type, s.period_code, s.start_date, s.end_date, s.financial_year_code);
        DELETE FROM stage.dim_date WHERE load_id = @LoadId;
        DELETE FROM stage.dim_period WHERE load_id = @LoadId;
        """, "@LoadId nvarchar(64)");

    /// <summary>One catalogue row of dim_indicator, inserted or brought up to date.</summary>
    public static readonly SqlServerStatement UpsertIndicator = new(nameof(UpsertIndicator), """
        MERGE dbo.dim_indicator WITH (HOLDLOCK) AS t
        USING (SELECT @Code AS indicator_code) AS s ON t.indicator_code = s.indicator_code
        WHEN MATCHED THEN UPDATE SET
            label = @Label, item = @Item, item_title = @ItemTitle, unit = @Unit, polarity = @Polarity, display_precision = @DisplayPrecision,
            national_value = @NationalValue, national_period = @NationalPeriod, sort_order = @SortOrder
        WHEN NOT MATCHED THEN INSERT
            (indicator_code, label, item, item_title, unit, polarity, display_precision, national_value, national_period, sort_order)
        VALUES (@Code, @Label, @Item, @ItemTitle, @Unit, @Polarity, @DisplayPrecision, @NationalValue, @NationalPeriod, @SortOrder);
        """, """
        @Code nvarchar(64), @Label nvarchar(400), @Item int, @ItemTitle nvarchar(200), @Unit nvarchar(16), @Polarity nvarchar(20),
        @DisplayPrecision int, @NationalValue decimal(28, 12), @NationalPeriod nvarchar(100), @SortOrder int
        """);

    public static readonly SqlServerBulkTarget StagedDates = new("stage.dim_date",
        ["load_id", "date_key", "calendar_date", "calendar_year", "month_number", "month_code", "day_of_week", "financial_year_start",
         "financial_year_code", "fy_quarter", "fy_quarter_code", "is_weekend", "is_bank_holiday", "is_working_day"]);

    public static readonly SqlServerBulkTarget StagedPeriods = new("stage.dim_period",
        ["load_id", "period_type", "period_code", "start_date", "end_date", "financial_year_code"]);

    public static readonly SqlServerBulkTarget Issues = new("dbo.audit_load_issue",
        ["load_id", "issue_no", "severity", "dataset", "row_no", "column_name", "value", "reason"]);

    public static readonly SqlServerBulkTarget IndicatorValues = new("dbo.fact_indicator_value",
        ["la_code", "indicator_code", "period_type", "period_code", "load_id", "numerator", "denominator", "value"]);

    public static readonly SqlServerBulkTarget IndicatorNotes = new("dbo.fact_indicator_note",
        ["la_code", "indicator_code", "period_type", "period_code", "load_id", "reason", "basis"]);
    public static readonly SqlServerBulkTarget TeamIndicatorValues = new("dbo.fact_team_indicator_value",
        ["la_code", "team_key", "indicator_code", "period_type", "period_code", "load_id", "numerator", "denominator", "value"]);

    public static readonly SqlServerBulkTarget WorkItems = new("dbo.fact_work_item",
        ["load_id", "la_code", "as_at", "item_kind", "item_id", "team_key", "worker_key", "person_key", "counted_from", "due_date", "days_overdue"]);

    /// <summary>The columns of a dataset's table, in table order: la_code, as_at (snapshots), the contract's, load_id.</summary>
    public static IReadOnlyList<string> Columns(DatasetContract dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        List<string> columns = ["la_code"];
        if (dataset.Kind == DatasetKind.Snapshot)
        {
            columns.Add("as_at");
        }

        columns.AddRange(dataset.Columns.Select(c => c.StoredAs));
        columns.Add("load_id");
        return columns;
    }

    /// <summary>Where a dataset's accepted rows are bulk-copied before they replace the warehouse's.</summary>
    public static SqlServerBulkTarget Staged(DatasetContract dataset) => new($"stage.{dataset.Table}", Columns(dataset));

    /// <summary>
    /// An event dataset's staged rows become the LA's current rows: the old ones go in one range delete, the new
    /// ones come in one insert, and the load they came from (@Current, null when none) is marked superseded.
    /// </summary>
    public static SqlServerStatement ReplaceEvents(DatasetContract dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = string.Join(", ", Columns(dataset));
        return new($"{nameof(ReplaceEvents)}({dataset.Table})", $"""
            DELETE FROM dbo.{dataset.Table} WHERE la_code = @LaCode;
            INSERT INTO dbo.{dataset.Table} ({columns})
            SELECT {columns} FROM stage.{dataset.Table} WHERE load_id = @LoadId;
            DELETE FROM stage.{dataset.Table} WHERE load_id = @LoadId;
            UPDATE dbo.audit_load_dataset SET outcome = N'superseded', superseded_by = @LoadId
            WHERE load_id = @Current AND dataset = @Dataset;
            """, "@LoadId nvarchar(64), @LaCode nvarchar(10), @Dataset nvarchar(64), @Current nvarchar(64)");
    }

    /// <summary>A snapshot dataset's staged rows replace the LA's rows for the same as_at, whose loads are marked replaced.</summary>
    public static SqlServerStatement ReplaceSnapshot(DatasetContract dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = string.Join(", ", Columns(dataset));
        return new($"{nameof(ReplaceSnapshot)}({dataset.Table})", $"""
            UPDATE dbo.audit_load_dataset SET outcome = N'snapshot_replaced', superseded_by = @LoadId
            WHERE dataset = @Dataset AND outcome = N'snapshot'
              AND load_id IN (SELECT load_id FROM dbo.audit_load WHERE la_code = @LaCode AND as_at = @AsAt);
            DELETE FROM dbo.{dataset.Table} WHERE la_code = @LaCode AND as_at = @AsAt;
            INSERT INTO dbo.{dataset.Table} ({columns})
            SELECT {columns} FROM stage.{dataset.Table} WHERE load_id = @LoadId;
            DELETE FROM stage.{dataset.Table} WHERE load_id = @LoadId;
            """, $"{Key}, @Dataset nvarchar(64)");
    }

    /// <summary>
    /// The plain SQL both dialects run, that the Azure SQL warehouse sends too: the case data the engine reads back
    /// (inside the load's transaction) and the current indicator values the dashboard query reads.
    /// </summary>
    public static IEnumerable<SqlServerStatement> Shared()
    {
        const string laCode = "@LaCode nvarchar(10)";
        yield return new("CaseData.SuppliedDatasets", CaseDataReader.SuppliedDatasetsSql, laCode);
        yield return new("CaseData.EmptyDatasets", CaseDataReader.EmptyDatasetsSql, laCode);
        yield return new("CaseData.AsAt", CaseDataReader.AsAtSql, laCode);
        foreach (var dataset in ExtractContract.Datasets)
        {
            yield return new($"CaseData.Select({dataset.Table})", CaseDataReader.SelectSql(dataset, oneSnapshot: false), laCode);
            if (dataset.Kind == DatasetKind.Snapshot)
            {
                yield return new($"CaseData.SnapshotDates({dataset.Table})", CaseDataReader.SnapshotDatesSql(dataset), laCode);
                yield return new($"CaseData.SelectSnapshot({dataset.Table})", CaseDataReader.SelectSql(dataset, oneSnapshot: true), $"{laCode}, @AsAt date");
            }
        }

        yield return new("IndicatorValues.Current", IndicatorValueReader.CurrentSql, laCode);
        yield return new("Teams.CurrentValues", TeamFigureReader.CurrentValuesSql, laCode);
        yield return new("Teams.CurrentWorkList", TeamFigureReader.CurrentWorkListSql, laCode);
        yield return new("Teams.Names", TeamFigureReader.TeamNamesSql, laCode);

        const string import = "@ImportId nvarchar(64)";
        yield return new("Reference.CurrentFiles", ReferenceSql.CurrentFilesSql, string.Empty);
        yield return new("Reference.NextImportSeq", ReferenceSql.NextImportSeqSql, string.Empty);
        yield return new("Reference.InsertImport", ReferenceSql.InsertImportSql,
            $"{import}, @ImportSeq bigint, @Origin nvarchar(400), @ImportedAt datetime2(3), @ManifestSha256 nvarchar(64)");
        yield return new("Reference.InsertFile", ReferenceSql.InsertFileSql,
            $"{import}, @Kind nvarchar(32), @Scope nvarchar(16), @ScopeLa nvarchar(10), @FilePath nvarchar(400), @Sha256 nvarchar(64), @RowCount int, @Source nvarchar(400), @PublishedOn date");
        yield return new("Reference.InsertPopulation", ReferenceSql.InsertPopulationSql,
            $"{import}, @Scope nvarchar(16), @ScopeLa nvarchar(10), {laCode}, @Year int, @Population int");
        yield return new("Reference.InsertBankHoliday", ReferenceSql.InsertBankHolidaySql,
            $"{import}, @Scope nvarchar(16), @HolidayDate date, @Title nvarchar(200), @Notes nvarchar(400), @Source nvarchar(100)");
        yield return new("Reference.InsertComparator", ReferenceSql.InsertComparatorSql,
            $"{import}, @Scope nvarchar(16), @IndicatorCode nvarchar(64), @Geography nvarchar(200), @PeriodLabel nvarchar(100), @PeriodEnd date, @Value decimal(28, 12), @Unit nvarchar(100), @SourceNote nvarchar(400)");
        yield return new("Reference.InsertTarget", ReferenceSql.InsertTargetSql,
            $"{import}, {laCode}, @IndicatorCode nvarchar(64), @Target decimal(28, 12), @Tolerance decimal(28, 12), @Source nvarchar(16), @FromDate date");
        yield return new("Reference.InsertCodeMap", ReferenceSql.InsertCodeMapSql,
            $"{import}, {laCode}, @Dataset nvarchar(64), @ColumnName nvarchar(128), @SourceValue nvarchar(200), @Code nvarchar(200)");
        yield return new("Reference.InsertAllocatedRole", ReferenceSql.InsertAllocatedRoleSql, $"{import}, {laCode}, @Role nvarchar(200)");
        yield return new("Reference.LoadedLas", ReferenceSql.LoadedLasSql, string.Empty);
        yield return new("Reference.NameLoad", ReferenceSql.NameLoadSql, $"{import}, @LoadId nvarchar(64)");
        yield return new("Reference.Population", ReferenceSql.PopulationSql, string.Empty);
        yield return new("Reference.LaPopulation", ReferenceSql.LaPopulationSql, laCode);
        yield return new("Reference.BankHolidays", ReferenceSql.BankHolidaysSql, string.Empty);
        yield return new("Reference.Comparators", ReferenceSql.ComparatorsSql, string.Empty);
        yield return new("Reference.Targets", ReferenceSql.TargetsSql, laCode);
        yield return new("Reference.CodeMap", ReferenceSql.CodeMapSql, laCode);
        yield return new("Reference.AllocatedRoles", ReferenceSql.AllocatedRolesSql, laCode);
        yield return new("Reference.LatestImport", ReferenceSql.LatestImportSql, string.Empty);
        yield return new("Reference.Imports", ReferenceSql.ImportsSql, string.Empty);
        yield return new("Reference.Files", ReferenceSql.ShowFilesSql, string.Empty);
        foreach (var kind in ReferenceKinds.All)
        {
            yield return new($"Reference.Show({kind.Code()})", ReferenceSql.ShowSql(kind), string.Empty);
        }
    }

    /// <summary>Every statement, the per-dataset ones for every contract dataset and the shared ones: what the offline check compiles.</summary>
    public static IEnumerable<SqlServerStatement> All() =>
        new[]
        {
            LockLocalAuthority, BeginLoad, CurrentEventLoad, RecordDataset, UpdateDimensions, InsertStagedPeriods, FinishLoad,
            RecordFailure, RecordPurge, ListPurges, ListLoads, LatestLoad, CalendarCounts, MergeStagedCalendar, UpsertIndicator,
        }
        .Concat(ExtractContract.Datasets.Select(d => d.Kind == DatasetKind.Event ? ReplaceEvents(d) : ReplaceSnapshot(d)))
        .Concat(Shared());

    /// <summary>Every bulk-copy target and its columns.</summary>
    public static IEnumerable<SqlServerBulkTarget> BulkTargets() =>
        new[] { StagedDates, StagedPeriods, Issues, IndicatorValues, IndicatorNotes, TeamIndicatorValues, WorkItems }.Concat(ExtractContract.Datasets.Select(Staged));
}
