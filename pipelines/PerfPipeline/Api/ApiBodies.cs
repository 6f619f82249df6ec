namespace PerfPipeline.Api;

using PerfPipeline.Indicators;

/// <summary><c>GET /api/indicators</c>: the catalogue in dashboard order.</summary>
public sealed record IndicatorCatalogueBody(IReadOnlyList<IndicatorEntry> Indicators);

/// <summary>One measure of the catalogue.</summary>
public sealed record IndicatorEntry(
    string Code, string Label, int Item, string ItemTitle, IndicatorUnit Unit, IndicatorPolarity Polarity, int DisplayPrecision, NationalEntry? National);

/// <summary>The England comparator of a measure.</summary>
public sealed record NationalEntry(decimal Value, string Period, string Display);

/// <summary><c>GET /api/indicators/{code}/series</c>: one indicator's value for every period of one LA, oldest first.</summary>
public sealed record IndicatorSeriesBody(string Indicator, string Label, string LaCode, string? Type, IReadOnlyList<SeriesPoint> Values);

/// <summary>One period of a series; <see cref="Value"/> is unrounded, <see cref="Display"/> as the dashboard shows it.</summary>
public sealed record SeriesPoint(string Period, string Type, DateOnly Start, DateOnly End, decimal? Value, decimal? Numerator, decimal? Denominator, string Display);

/// <summary><c>GET /api/loads</c>: loads, newest first.</summary>
public sealed record LoadsBody(IReadOnlyList<LoadEntry> Loads);

/// <summary>One load with its datasets; <see cref="Error"/> says why it failed.</summary>
public sealed record LoadEntry(
    string LoadId,
    string LaCode,
    DateOnly AsAt,
    string Status,
    int Attempts,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Error,
    IReadOnlyList<DatasetEntry> Datasets);

/// <summary>Rows of one dataset: <c>rows_read = rows_loaded + rows_rejected</c>.</summary>
public sealed record DatasetEntry(string Dataset, long RowsRead, long RowsLoaded, long RowsRejected, long RowsWarnings);

/// <summary><c>POST /api/loads/{loadId}/replay</c>: what the replay did.</summary>
public sealed record ReplayBody(string LoadId, string LaCode, DateOnly AsAt, string Outcome, string? Error, IReadOnlyList<DatasetEntry> Datasets);

/// <summary><c>GET /api/worklist/{la}?team=</c>: the work due and overdue as at the newest batch, most overdue first; pseudonyms only.</summary>
public sealed record WorkListBody(string LaCode, DateOnly AsAt, string? Team, IReadOnlyList<WorkListEntry> Items)
{
    /// <summary>How the team asked for is shown: its department name where the LA's list gives one, else its key; null for the whole LA.</summary>
    public string? TeamLabel { get; init; }
}

/// <summary>One item of work: <see cref="DaysOverdue"/> is the as-at date minus the due date (negative while still to come).</summary>
public sealed record WorkListEntry(
    string Kind, string KindLabel, string ItemId, string Team, string TeamLabel, string? WorkerPseudonym, string ChildPseudonym,
    DateOnly CountedFrom, DateOnly DueDate, int DaysOverdue);
