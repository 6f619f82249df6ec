namespace PerfPipeline.Warehouse.SqlServer;

using System.Data;
using System.Diagnostics.CodeAnalysis;

using Dapper;

using Microsoft.Data.SqlClient;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Warehouse.Loading;

/// <summary>
/// The steps of one load, all inside the load's transaction: rows are bulk-copied into <c>stage.*</c> and then
/// replace the warehouse's rows with set-based statements (<see cref="SqlServerStatements"/>). The same rules as
/// the SQLite load (docs/warehouse.md): event datasets supersede unless a later as_at is current, snapshots are
/// kept per as_at.
/// </summary>
internal sealed class SqlServerLoad(SqlConnection connection, SqlTransaction transaction, LoadKey key, CancellationToken cancellationToken) : ILoadSteps
{
    /// <summary>Opens the load's connection and its transaction.</summary>
    public static async Task<ILoadSteps> OpenAsync(string connectionString, LoadKey key, CancellationToken cancellationToken)
    {
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = (SqlTransaction)await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            return new SqlServerLoad(connection, transaction, key, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Locks the LA for this load (loads of one LA run one at a time) and says whether the batch is loaded already.</summary>
    public async Task<LoadRecord?> FindExistingAsync()
    {
        await ExecuteAsync(SqlServerStatements.LockLocalAuthority, new { key.LaCode }).ConfigureAwait(false);
        return await SqlServerAudit.FindAsync(connection, transaction, key.LoadId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the load's audit row and forgets what an earlier attempt of the same load recorded.</summary>
    public Task BeginAsync(string? sourceSystem, DateTimeOffset startedAt)
    {
        var parameters = KeyParameters();
        parameters.Add("ManifestSha256", key.ManifestSha256);
        parameters.Add("SourceSystem", sourceSystem);
        parameters.Add("StartedAt", SqlServerValues.Timestamp(startedAt), DbType.DateTime2);
        return ExecuteAsync(SqlServerStatements.BeginLoad, parameters);
    }

    /// <summary>Writes a dataset's rows where they belong.</summary>
    public Task<DatasetWrite> WriteAsync(DatasetExtract dataset, bool asCurrent)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Contract.Kind == DatasetKind.Event ? WriteEventAsync(dataset, asCurrent) : WriteSnapshotAsync(dataset);
    }

    public Task RecordDatasetAsync(DatasetExtract dataset, DatasetCounts counts, DatasetWrite write)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(counts);
        return ExecuteAsync(SqlServerStatements.RecordDataset, AuditDatasetRow.Of(key, dataset, counts, write.Outcome, write.SupersededBy));
    }

    public Task RecordIssuesAsync(IReadOnlyList<ValidationIssue> issues) =>
        BulkCopyAsync(SqlServerStatements.Issues, issues.Select((issue, index) => (Issue: issue, Number: index + 1)), (row, values) =>
        {
            values[0] = key.LoadId;
            values[1] = row.Number;
            values[2] = row.Issue.Severity switch
            {
                IssueSeverity.FileError => "file_error",
                IssueSeverity.RowError => "row_error",
                _ => "warning",
            };
            values[3] = (object?)row.Issue.Dataset ?? DBNull.Value;
            values[4] = (object?)row.Issue.Row ?? DBNull.Value;
            values[5] = (object?)row.Issue.Column ?? DBNull.Value;
            values[6] = (object?)row.Issue.Value ?? DBNull.Value;
            values[7] = row.Issue.Reason;
        });

    /// <summary>The LA's name (from the newest batch) and, set-based, the teams its current data names.</summary>
    public Task UpdateLocalAuthorityAsync(string? laName)
    {
        var parameters = KeyParameters();
        parameters.Add("LaName", laName);
        return ExecuteAsync(SqlServerStatements.UpdateDimensions, parameters);
    }

    public Task<LaCaseData> ReadCaseDataAsync() => CaseDataReader.ReadAsync(connection, transaction, key.LaCode, cancellationToken);

    /// <summary>Nothing left to do: <see cref="UpdateLocalAuthorityAsync"/> recorded the teams in the same statement.</summary>
    public Task RecordTeamsAsync(LaCaseData caseData) => Task.CompletedTask;

    public async Task RecordIndicatorValuesAsync(IReadOnlyList<IndicatorValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        await BulkCopyAsync(SqlServerStatements.StagedPeriods, values.Select(v => v.Period).Distinct(), (period, row) =>
        {
            row[0] = key.LoadId;
            SqlServerCalendar.FillPeriod(period, row.AsSpan(1));
        }).ConfigureAwait(false);
        await ExecuteAsync(SqlServerStatements.InsertStagedPeriods, new { key.LoadId }).ConfigureAwait(false);

        await BulkCopyAsync(SqlServerStatements.IndicatorValues, values, (value, row) =>
        {
            row[0] = value.LaCode;
            row[1] = value.IndicatorCode;
            row[2] = CalendarDimensions.TypeCode(value.Period);
            row[3] = value.Period.Code;
            row[4] = key.LoadId;
            row[5] = SqlServerValues.Measure(value.Numerator);
            row[6] = SqlServerValues.Measure(value.Denominator);
            row[7] = SqlServerValues.Measure(value.Value);
        }).ConfigureAwait(false);

        await BulkCopyAsync(SqlServerStatements.IndicatorNotes, values.Where(v => v.Reason is not null || v.Basis is not null), (value, row) =>
        {
            row[0] = value.LaCode;
            row[1] = value.IndicatorCode;
            row[2] = CalendarDimensions.TypeCode(value.Period);
            row[3] = value.Period.Code;
            row[4] = key.LoadId;
            row[5] = (object?)value.Reason ?? DBNull.Value;
            row[6] = (object?)value.Basis ?? DBNull.Value;
        }).ConfigureAwait(false);
    }

    /// <summary>The figures by team (their periods are the LA values' own, already in dim_period) and the work list.</summary>
    public async Task RecordTeamFiguresAsync(TeamFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        await BulkCopyAsync(SqlServerStatements.TeamIndicatorValues, figures.Values, (value, row) =>
        {
            row[0] = value.LaCode;
            row[1] = value.TeamKey;
            row[2] = value.IndicatorCode;
            row[3] = CalendarDimensions.TypeCode(value.Period);
            row[4] = value.Period.Code;
            row[5] = key.LoadId;
            row[6] = SqlServerValues.Measure(value.Numerator);
            row[7] = SqlServerValues.Measure(value.Denominator);
            row[8] = SqlServerValues.Measure(value.Value);
        }).ConfigureAwait(false);

        var list = figures.WorkList;
        await BulkCopyAsync(SqlServerStatements.WorkItems, list.Items, (item, row) =>
        {
            row[0] = key.LoadId;
            row[1] = list.LaCode;
            row[2] = SqlServerValues.Date(list.AsAt);
            row[3] = WorkItemKinds.Code(item.Kind);
            row[4] = item.ItemId;
            row[5] = item.TeamKey;
            row[6] = (object?)item.WorkerKey ?? DBNull.Value;
            row[7] = item.PersonKey;
            row[8] = SqlServerValues.Date(item.CountedFrom);
            row[9] = SqlServerValues.Date(item.DueDate);
            row[10] = item.DaysOverdue;
        }).ConfigureAwait(false);
    }

    /// <summary>Gives the load its commit number, just before the commit.</summary>
    /// <summary>Gives the load its commit number and finish time without committing: for loads inside a larger transaction.</summary>
    public Task FinishAsync(DateTimeOffset finishedAt)
    {
        var parameters = new DynamicParameters(new { key.LoadId });
        parameters.Add("FinishedAt", SqlServerValues.Timestamp(finishedAt), DbType.DateTime2);
        return ExecuteAsync(SqlServerStatements.FinishLoad, parameters);
    }

    public async Task<LoadRecord> CommitAsync(DateTimeOffset finishedAt)
    {
        await FinishAsync(finishedAt).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await SqlServerAudit.FindAsync(connection, null, key.LoadId, cancellationToken).ConfigureAwait(false))!;
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Event rows supersede the LA's current rows unless those come from a batch with a later as_at (and the load is not restoring itself as current).</summary>
    private async Task<DatasetWrite> WriteEventAsync(DatasetExtract dataset, bool asCurrent)
    {
        var name = dataset.Contract.Name;
        var current = await connection.QuerySingleOrDefaultAsync<CurrentRows>(new CommandDefinition(
            SqlServerStatements.CurrentEventLoad.Sql, new { key.LaCode, Dataset = name }, transaction,
            SqlServerConnections.CommandTimeoutSeconds, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (current is not null && !asCurrent && DateOnly.FromDateTime(current.AsAt) > key.AsAt)
        {
            return new(DatasetOutcome.OlderThanCurrent, current.LoadId);
        }

        await StageAsync(dataset).ConfigureAwait(false);
        await ExecuteAsync(SqlServerStatements.ReplaceEvents(dataset.Contract), new { key.LoadId, key.LaCode, Dataset = name, Current = current?.LoadId })
            .ConfigureAwait(false);
        return new(DatasetOutcome.Current, null);
    }

    /// <summary>Snapshot rows are kept per as_at; a later load of the same as_at replaces them.</summary>
    private async Task<DatasetWrite> WriteSnapshotAsync(DatasetExtract dataset)
    {
        await StageAsync(dataset).ConfigureAwait(false);
        var parameters = KeyParameters();
        parameters.Add("Dataset", dataset.Contract.Name);
        await ExecuteAsync(SqlServerStatements.ReplaceSnapshot(dataset.Contract), parameters).ConfigureAwait(false);
        return new(DatasetOutcome.Snapshot, null);
    }

    /// <summary>Bulk-copies a dataset's accepted rows into its staging table, under this load's id.</summary>
    private Task StageAsync(DatasetExtract dataset)
    {
        var contract = dataset.Contract;
        var specs = contract.Columns;
        var first = contract.Kind == DatasetKind.Snapshot ? 2 : 1;
        var asAt = SqlServerValues.Date(key.AsAt);
        return BulkCopyAsync(SqlServerStatements.Staged(contract), dataset.Rows, (row, values) =>
        {
            values[0] = key.LaCode;
            if (first == 2)
            {
                values[1] = asAt;
            }

            for (var i = 0; i < specs.Count; i++)
            {
                values[first + i] = SqlServerValues.Stored(specs[i], row.Values[i]);
            }

            values[^1] = key.LoadId;
        });
    }

    private Task BulkCopyAsync<T>(SqlServerBulkTarget target, IEnumerable<T> rows, Action<T, object[]> fill) =>
        SqlServerBulkCopy.WriteAsync(connection, transaction, target, rows, fill, cancellationToken);

    private DynamicParameters KeyParameters()
    {
        var parameters = new DynamicParameters(new { key.LoadId, key.LaCode });
        parameters.Add("AsAt", SqlServerValues.Date(key.AsAt), DbType.Date);
        return parameters;
    }

    private Task<int> ExecuteAsync(SqlServerStatement statement, object parameters) =>
        connection.ExecuteAsync(new CommandDefinition(
            statement.Sql, parameters, transaction, SqlServerConnections.CommandTimeoutSeconds, cancellationToken: cancellationToken));

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record CurrentRows(string LoadId, DateTime AsAt);
}
