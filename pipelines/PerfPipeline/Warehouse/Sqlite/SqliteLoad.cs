namespace PerfPipeline.Warehouse.Sqlite;

using System.Diagnostics.CodeAnalysis;

using Dapper;

using Microsoft.Data.Sqlite;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Warehouse.Loading;

/// <summary>The SQLite steps of one load, on a connection of its own, all inside the load's transaction.</summary>
internal sealed class SqliteLoad(SqliteConnection connection, SqliteTransaction transaction, LoadKey key, CancellationToken cancellationToken) : ILoadSteps, IDeferredInserts
{
    private readonly string _asAt = StoredValues.Date(key.AsAt);

    /// <summary>Whether rows of this load id may be stored already: false once no audit row was found for it.</summary>
    private bool _mayHaveRows = true;

    /// <summary>Whether the load writes with a rollback journal into a file no load is stored in yet (<see cref="SqliteFirstLoadJournal"/>).</summary>
    private bool IsFirstLoad { get; init; }

    /// <summary>The datasets whose rows in the warehouse are now exactly the batch's.</summary>
    public WrittenDatasets Written { get; } = new(key.AsAt);

    /// <summary>Opens the load's connection and its immediate (write-locking) transaction.</summary>
    public static async Task<ILoadSteps> OpenAsync(string connectionString, LoadKey key, bool releaseWrittenRows, CancellationToken cancellationToken)
    {
        var connection = await SqliteConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            // Every row a load writes names its own audit row, written first, or a load it has just read: it cannot break
            // a foreign key. Checking them costs a lookup per row and makes SQLite delete a table's rows one by one. The
            // connection is not pooled: the setting ends with it.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = OFF", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var isFirstLoad = await SqliteFirstLoadJournal.TryEnterAsync(connection, cancellationToken).ConfigureAwait(false);
            var load = new SqliteLoad(connection, connection.BeginTransaction(deferred: false), key, cancellationToken) { IsFirstLoad = isFirstLoad };
            load.Written.ReleaseOnceRead = releaseWrittenRows;
            return load;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<LoadRecord?> FindExistingAsync()
    {
        var existing = await SqliteAudit.FindAsync(connection, transaction, key.LoadId, cancellationToken).ConfigureAwait(false);

        // Every row a load writes commits with its audit row: without one, nothing of this load id is stored.
        _mayHaveRows = existing is not null;
        return existing;
    }

    /// <summary>
    /// Writes the load's audit row and forgets what an earlier attempt of the same load recorded. A load id seen for the
    /// first time has nothing to forget, so it skips the deletes: the indicator value tables have no index on
    /// <c>load_id</c> (<c>0020_indicator_value_load_indexes.sql</c>), and a delete by it reads the whole table.
    /// </summary>
    public async Task BeginAsync(string? sourceSystem, DateTimeOffset startedAt)
    {
        const string sql = """
            INSERT INTO audit_load (load_id, la_code, as_at, manifest_sha256, source_system, status, load_seq, attempts, started_at, finished_at, error)
            VALUES (@LoadId, @LaCode, @AsAt, @ManifestSha256, @SourceSystem, 'loaded', (SELECT COALESCE(MAX(load_seq), 0) + 1 FROM audit_load),
                    1, @StartedAt, @StartedAt, NULL)
            ON CONFLICT (load_id) DO UPDATE SET
                source_system = excluded.source_system, status = 'loaded', load_seq = excluded.load_seq, attempts = attempts + 1,
                started_at = excluded.started_at, finished_at = excluded.finished_at, error = NULL;
            """;
        const string forgetSql = """
            DELETE FROM audit_load_dataset WHERE load_id = @LoadId;
            DELETE FROM audit_load_issue WHERE load_id = @LoadId;
            DELETE FROM fact_indicator_value WHERE load_id = @LoadId;
            DELETE FROM fact_indicator_note WHERE load_id = @LoadId;
            DELETE FROM fact_team_indicator_value WHERE load_id = @LoadId;
            DELETE FROM fact_work_item WHERE load_id = @LoadId;
            """;
        await ExecuteAsync(_mayHaveRows ? sql + forgetSql : sql, new
        {
            key.LoadId,
            key.LaCode,
            AsAt = _asAt,
            key.ManifestSha256,
            SourceSystem = sourceSystem,
            StartedAt = SqliteAudit.Timestamp(startedAt),
        }).ConfigureAwait(false);
    }

    /// <summary>Writes a dataset's rows where they belong.</summary>
    public Task<DatasetWrite> WriteAsync(DatasetExtract dataset, bool asCurrent) =>
        dataset.Contract.Kind == DatasetKind.Event ? WriteEventAsync(dataset, asCurrent) : WriteSnapshotAsync(dataset);

    public Task RecordDatasetAsync(DatasetExtract dataset, DatasetCounts counts, DatasetWrite write)
    {
        const string sql = """
            INSERT INTO audit_load_dataset
                (load_id, dataset, table_name, file_name, rows_read, rows_loaded, rows_rejected, rows_warnings, outcome, superseded_by)
            VALUES (@LoadId, @Dataset, @TableName, @FileName, @RowsRead, @RowsLoaded, @RowsRejected, @RowsWarnings, @Outcome, @SupersededBy)
            """;
        return ExecuteAsync(sql, AuditDatasetRow.Of(key, dataset, counts, write.Outcome, write.SupersededBy));
    }

    public Task RecountDatasetAsync(DatasetExtract dataset, DatasetCounts counts)
    {
        const string sql = """
            UPDATE audit_load_dataset
            SET rows_read = @RowsRead, rows_loaded = @RowsLoaded, rows_rejected = @RowsRejected, rows_warnings = @RowsWarnings
            WHERE load_id = @LoadId AND dataset = @Dataset
            """;
        ArgumentNullException.ThrowIfNull(counts);
        return ExecuteAsync(sql, new { key.LoadId, counts.Dataset, counts.RowsRead, counts.RowsLoaded, counts.RowsRejected, counts.RowsWarnings });
    }

    public Task RecordIssuesAsync(IReadOnlyList<ValidationIssue> issues)
    {
        using var command = Prepare(
            "INSERT INTO audit_load_issue (load_id, issue_no, severity, dataset, row_no, column_name, value, reason) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)",
            8);
        var p = command.Parameters;
        p[0].Value = key.LoadId;
        for (var i = 0; i < issues.Count; i++)
        {
            var issue = issues[i];
            p[1].Value = i + 1;
            p[2].Value = issue.Severity switch
            {
                IssueSeverity.FileError => "file_error",
                IssueSeverity.RowError => "row_error",
                _ => "warning",
            };
            p[3].Value = (object?)issue.Dataset ?? DBNull.Value;
            p[4].Value = (object?)issue.Row ?? DBNull.Value;
            p[5].Value = (object?)issue.Column ?? DBNull.Value;
            p[6].Value = (object?)issue.Value ?? DBNull.Value;
            p[7].Value = issue.Reason;
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <summary>The LA's name, from the newest batch.</summary>
    public async Task UpdateLocalAuthorityAsync(string? laName)
    {
        const string sql = """
            INSERT INTO dim_local_authority (la_code, la_name) VALUES (@LaCode, @LaName)
            ON CONFLICT (la_code) DO UPDATE SET la_name = excluded.la_name
            WHERE excluded.la_name IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM audit_load WHERE la_code = @LaCode AND status = 'loaded' AND as_at > @AsAt);
            """;
        await ExecuteAsync(sql, new { key.LaCode, LaName = laName, AsAt = _asAt }).ConfigureAwait(false);
    }

    /// <summary>
    /// The LA's case data as the load leaves it. The queries run on the connection before this returns; the records of
    /// the datasets the load wrote are taken from the batch as they are built, so the connection can go on inserting
    /// meanwhile (<see cref="IDeferredInserts"/>).
    /// </summary>
    public Task<LaCaseData> ReadCaseDataAsync() => SqliteCaseDataReader.ReadAsync(connection, key.LaCode, Written, cancellationToken);

    /// <summary>
    /// The teams the LA's current referrals, assessments and involvements name: taken from the case data the load has
    /// just read, which is exactly those rows, instead of scanning the three tables again.
    /// </summary>
    public Task RecordTeamsAsync(LaCaseData caseData)
    {
        var teams = caseData.Referrals.Select(r => r.ReferralTeam)
            .Concat(caseData.Assessments.Select(a => a.AssessmentTeam))
            .Concat(caseData.Involvements.Select(i => i.ProfessionalTeam))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        using var command = Prepare("INSERT OR IGNORE INTO dim_team (la_code, team_name) VALUES ($p0, $p1)", 2);
        command.Parameters[0].Value = key.LaCode;
        foreach (var team in teams)
        {
            command.Parameters[1].Value = team;
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public Task RecordIndicatorValuesAsync(IReadOnlyList<IndicatorValue> values)
    {
        using (var period = SqliteCalendarDimensions.PreparePeriodInsert(connection, transaction, "INSERT OR IGNORE"))
        {
            foreach (var p in values.Select(v => v.Period).Distinct())
            {
                SqliteCalendarDimensions.Bind(period.Parameters, p);
                period.ExecuteNonQuery();
            }
        }

        using var command = Prepare(
            "INSERT INTO fact_indicator_value (la_code, indicator_code, period_type, period_code, load_id, numerator, denominator, value) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)",
            8);
        var parameters = command.Parameters;
        parameters[4].Value = key.LoadId;
        foreach (var value in values)
        {
            parameters[0].Value = value.LaCode;
            parameters[1].Value = value.IndicatorCode;
            parameters[2].Value = CalendarDimensions.TypeCode(value.Period);
            parameters[3].Value = value.Period.Code;
            parameters[5].Value = Real(value.Numerator);
            parameters[6].Value = Real(value.Denominator);
            parameters[7].Value = Real(value.Value);
            command.ExecuteNonQuery();
        }

        using var note = Prepare(
            "INSERT INTO fact_indicator_note (la_code, indicator_code, period_type, period_code, load_id, reason, basis) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)",
            7);
        var noted = note.Parameters;
        noted[4].Value = key.LoadId;
        foreach (var value in values.Where(v => v.Reason is not null || v.Basis is not null))
        {
            noted[0].Value = value.LaCode;
            noted[1].Value = value.IndicatorCode;
            noted[2].Value = CalendarDimensions.TypeCode(value.Period);
            noted[3].Value = value.Period.Code;
            noted[5].Value = (object?)value.Reason ?? DBNull.Value;
            noted[6].Value = (object?)value.Basis ?? DBNull.Value;
            note.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <summary>The figures by team (their periods are the LA values' own, already in dim_period) and the work list.</summary>
    public Task RecordTeamFiguresAsync(TeamFigures figures)
    {
        using (var command = Prepare(
            "INSERT INTO fact_team_indicator_value (la_code, team_key, indicator_code, period_type, period_code, load_id, numerator, denominator, value) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)",
            9))
        {
            var p = command.Parameters;
            p[5].Value = key.LoadId;
            foreach (var value in figures.Values)
            {
                p[0].Value = value.LaCode;
                p[1].Value = value.TeamKey;
                p[2].Value = value.IndicatorCode;
                p[3].Value = CalendarDimensions.TypeCode(value.Period);
                p[4].Value = value.Period.Code;
                p[6].Value = Real(value.Numerator);
                p[7].Value = Real(value.Denominator);
                p[8].Value = Real(value.Value);
                command.ExecuteNonQuery();
            }
        }

        using var item = Prepare(
            "INSERT INTO fact_work_item (load_id, la_code, as_at, item_kind, item_id, team_key, worker_key, person_key, counted_from, due_date, days_overdue) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10)",
            11);
        var parameters = item.Parameters;
        parameters[0].Value = key.LoadId;
        parameters[1].Value = figures.WorkList.LaCode;
        parameters[2].Value = StoredValues.Date(figures.WorkList.AsAt);
        foreach (var work in figures.WorkList.Items)
        {
            parameters[3].Value = WorkItemKinds.Code(work.Kind);
            parameters[4].Value = work.ItemId;
            parameters[5].Value = work.TeamKey;
            parameters[6].Value = (object?)work.WorkerKey ?? DBNull.Value;
            parameters[7].Value = work.PersonKey;
            parameters[8].Value = StoredValues.Date(work.CountedFrom);
            parameters[9].Value = StoredValues.Date(work.DueDate);
            parameters[10].Value = work.DaysOverdue;
            item.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }


    public async Task<LoadRecord> CommitAsync(DateTimeOffset finishedAt)
    {
        await FinishAsync(finishedAt).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await SqliteAudit.FindAsync(connection, null, key.LoadId, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Stamps the load finished without committing: for loads run inside a larger transaction (a reference import's recomputations).</summary>
    public Task FinishAsync(DateTimeOffset finishedAt) =>
        ExecuteAsync("UPDATE audit_load SET finished_at = @FinishedAt WHERE load_id = @LoadId", new { key.LoadId, FinishedAt = SqliteAudit.Timestamp(finishedAt) });

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        if (IsFirstLoad)
        {
            // Committed or rolled back: the file goes back to WAL for its readers.
            await SqliteFirstLoadJournal.LeaveAsync(connection).ConfigureAwait(false);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private static object Real(decimal? value) => value is { } v ? (double)v : DBNull.Value;

    /// <summary>Event rows supersede the LA's current rows unless those come from a batch with a later as_at (and the load is not restoring itself as current).</summary>
    private async Task<DatasetWrite> WriteEventAsync(DatasetExtract dataset, bool asCurrent)
    {
        var insertOrder = StoredTextOrder.InsertOrder(dataset.Rows);
        var write = await PrepareEventAsync(dataset, asCurrent, insertOrder).ConfigureAwait(false);
        Insert(dataset, write, insertOrder);
        return write;
    }

    public Task<DatasetWrite> PrepareEventAsync(DatasetExtract dataset, bool asCurrent) => PrepareEventAsync(dataset, asCurrent, insertOrder: null);

    public Task InsertAsync(DatasetExtract dataset, DatasetWrite write)
    {
        Insert(dataset, write, StoredTextOrder.InsertOrder(dataset.Rows));
        return Task.CompletedTask;
    }

    private async Task<DatasetWrite> PrepareEventAsync(DatasetExtract dataset, bool asCurrent, int[]? insertOrder)
    {
        const string currentSql = """
            SELECT d.load_id AS LoadId, l.as_at AS AsAt
            FROM audit_load_dataset AS d
            JOIN audit_load AS l ON l.load_id = d.load_id
            WHERE l.la_code = @LaCode AND d.dataset = @Dataset AND d.outcome = 'current'
            """;
        var name = dataset.Contract.Name;
        var current = await connection.QuerySingleOrDefaultAsync<CurrentRows>(
            new CommandDefinition(currentSql, new { key.LaCode, Dataset = name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (current is not null && !asCurrent && string.CompareOrdinal(current.AsAt, _asAt) > 0)
        {
            return new(DatasetOutcome.OlderThanCurrent, current.LoadId);
        }

        await DeleteLaRowsAsync(dataset.Contract.Table).ConfigureAwait(false);
        if (current is not null)
        {
            await ExecuteAsync(
                "UPDATE audit_load_dataset SET outcome = 'superseded', superseded_by = @LoadId WHERE load_id = @Current AND dataset = @Dataset",
                new { key.LoadId, Current = current.LoadId, Dataset = name }).ConfigureAwait(false);
        }

        Written.Add(dataset, insertOrder);
        return new(DatasetOutcome.Current, null);
    }

    private void Insert(DatasetExtract dataset, DatasetWrite write, int[]? insertOrder)
    {
        if (write.Outcome == DatasetOutcome.Current)
        {
            SqliteFactWriter.Insert(connection, transaction, dataset, key, insertOrder);
            Written.Inserted(dataset.Contract);
        }
    }

    /// <summary>Snapshot rows are kept per as_at; a later load of the same as_at replaces them.</summary>
    private async Task<DatasetWrite> WriteSnapshotAsync(DatasetExtract dataset)
    {
        var sql = $"""
            UPDATE audit_load_dataset SET outcome = 'snapshot_replaced', superseded_by = @LoadId
            WHERE dataset = @Dataset AND outcome = 'snapshot'
              AND load_id IN (SELECT load_id FROM audit_load WHERE la_code = @LaCode AND as_at = @AsAt);
            DELETE FROM {dataset.Contract.Table} WHERE la_code = @LaCode AND as_at = @AsAt;
            """;
        await ExecuteAsync(sql, new { key.LoadId, key.LaCode, AsAt = _asAt, Dataset = dataset.Contract.Name }).ConfigureAwait(false);
        var insertOrder = StoredTextOrder.InsertOrder(dataset.Rows);
        Written.Add(dataset, insertOrder);
        SqliteFactWriter.Insert(connection, transaction, dataset, key, insertOrder);
        Written.Inserted(dataset.Contract);
        return new(DatasetOutcome.Snapshot, null);
    }

    /// <summary>
    /// Deletes the LA's rows of an event table. When they are the whole table (one LA per warehouse file is the usual
    /// case) it is emptied without a WHERE clause, which SQLite does page by page instead of row by row: for a large
    /// LA as fast as the insert that follows is slow. Foreign keys are off for the load (see the caller), without
    /// which SQLite would delete row by row anyway.
    /// </summary>
    private async Task DeleteLaRowsAsync(string table)
    {
        var otherLas = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM {table} WHERE la_code < @LaCode) OR EXISTS (SELECT 1 FROM {table} WHERE la_code > @LaCode)",
            new { key.LaCode }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await ExecuteAsync(otherLas ? $"DELETE FROM {table} WHERE la_code = @LaCode" : $"DELETE FROM {table}", new { key.LaCode }).ConfigureAwait(false);
    }

    private Task<int> ExecuteAsync(string sql, object parameters) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    private SqliteCommand Prepare(string sql, int parameterCount) => SqliteCommands.Prepare(connection, transaction, sql, parameterCount);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record CurrentRows(string LoadId, string AsAt);
}
