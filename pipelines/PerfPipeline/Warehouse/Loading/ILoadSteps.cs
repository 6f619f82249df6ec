namespace PerfPipeline.Warehouse.Loading;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// One load in one SQL dialect: its connection and transaction, opened by the dialect and disposed with it (rolled back
/// unless <see cref="CommitAsync"/> ran), and the steps <see cref="WarehouseLoad"/> runs in order inside it.
/// </summary>
internal interface ILoadSteps : IAsyncDisposable
{
    /// <summary>Takes the load's locks and returns the load's audit record when there is one.</summary>
    Task<LoadRecord?> FindExistingAsync();

    /// <summary>Writes the load's audit row and forgets what an earlier attempt of the same load recorded.</summary>
    Task BeginAsync(string? sourceSystem, DateTimeOffset startedAt);

    /// <summary>
    /// Writes a dataset's rows where they belong (superseding or keeping per <c>as_at</c>) and says what it did; with
    /// <paramref name="asCurrent"/>, event rows supersede the current ones even when those come from a later <c>as_at</c>.
    /// </summary>
    Task<DatasetWrite> WriteAsync(DatasetExtract dataset, bool asCurrent);

    /// <summary>Audits a written dataset, once the whole batch is read and its counts are final.</summary>
    Task RecordDatasetAsync(DatasetExtract dataset, DatasetCounts counts, DatasetWrite write);

    Task RecordIssuesAsync(IReadOnlyList<ValidationIssue> issues);

    /// <summary>The LA's name, from the newest batch.</summary>
    Task UpdateLocalAuthorityAsync(string? laName);

    /// <summary>The LA's case data as the load leaves it, read inside the transaction.</summary>
    Task<LaCaseData> ReadCaseDataAsync();

    /// <summary>The teams the LA's current data names.</summary>
    Task RecordTeamsAsync(LaCaseData caseData);

    Task RecordIndicatorValuesAsync(IReadOnlyList<IndicatorValue> values);

    /// <summary>The figures by team (their periods are the LA values' own, already recorded) and the work list.</summary>
    Task RecordTeamFiguresAsync(TeamFigures figures);

    /// <summary>Stamps the load finished, then commits; returns the committed audit record.</summary>
    Task<LoadRecord> CommitAsync(DateTimeOffset finishedAt);
}

/// <summary>
/// Load steps that can write an event dataset in two parts: first decide what it will hold (superseding the current rows
/// or left out as older) and take its case records from the batch, then insert its rows. The case data is then complete
/// before the last rows are inserted, and <see cref="WarehouseLoad"/> computes the indicators on the other core while
/// they are, and while the gate archives the batch: it audits the datasets before asking the gate, and again those whose
/// counts the gate's issues change. The SQLite steps can (they take the rows a load writes from its batch instead of
/// reading them back); Azure SQL's read the case data back from its tables, so they write each dataset whole.
/// </summary>
internal interface IDeferredInserts
{
    /// <summary>
    /// What <see cref="ILoadSteps.WriteAsync"/> does for an event dataset except inserting its rows: says what writing
    /// it does, and the case data reads its rows from the batch from now on.
    /// </summary>
    Task<DatasetWrite> PrepareEventAsync(DatasetExtract dataset, bool asCurrent);

    /// <summary>Inserts the rows of an event dataset prepared by <see cref="PrepareEventAsync"/> (none when it was left out).</summary>
    Task InsertAsync(DatasetExtract dataset, DatasetWrite write);

    /// <summary>
    /// Audits again, with <paramref name="counts"/>, a dataset <see cref="ILoadSteps.RecordDatasetAsync"/> audited: the
    /// load computes the indicators before the gate is asked, and the issues the gate adds can change a dataset's counts.
    /// </summary>
    Task RecountDatasetAsync(DatasetExtract dataset, DatasetCounts counts);
}

/// <summary>What writing a dataset's rows did: made them current, kept them as a snapshot, or left them out as older than the current ones.</summary>
internal readonly record struct DatasetWrite(DatasetOutcome Outcome, string? SupersededBy);
