namespace PerfPipeline.Reference;

/// <summary>One row of <c>population.csv</c>: the mid-year (30 June) estimate of an LA's population aged 0-17.</summary>
public sealed record PopulationRow(string LaCode, int Year, int Population0To17);

/// <summary>
/// One row of <c>comparators.csv</c>. <see cref="Geography"/> is <c>England</c>, <c>region:&lt;name&gt;</c> or
/// <c>statistical-neighbours</c>; <see cref="Period"/> is the label as published and <see cref="PeriodEnd"/> the day
/// that period ends, which picks the latest comparator on or before a reporting period.
/// </summary>
public sealed record Comparator(
    string IndicatorCode, string Geography, string Period, DateOnly PeriodEnd, decimal Value, string Unit, string SourceNote)
{
    public const string England = "England";
}

/// <summary>
/// One row of an LA's <c>targets.csv</c>: the target from <see cref="FromDate"/> on, and the width of the amber band
/// in the indicator's unit. <see cref="Source"/> is <c>statutory</c> or <c>local</c>.
/// </summary>
public sealed record IndicatorTarget(string IndicatorCode, decimal Target, decimal Tolerance, string Source, DateOnly FromDate);

/// <summary>One row of an LA's <c>code-map.csv</c>: a value of its system mapped to a contract code.</summary>
public sealed record CodeMapEntry(string Dataset, string Column, string SourceValue, string Code);

/// <summary>Where a stored reference figure came from: the import, the file and the source it names.</summary>
public sealed record ReferenceProvenance(string ImportId, ReferenceScope Scope, string FilePath, string? Source, DateOnly? PublishedOn)
{
    /// <summary>For people: <c>reference/population.csv (national; ONS …, published 2020-06-24; import ref-…)</c>.</summary>
    public string Describe()
    {
        var source = Source is null ? string.Empty : $"; {Source}";
        var published = PublishedOn is { } date ? $", published {date:yyyy-MM-dd}" : string.Empty;
        return $"{FilePath} ({Scope.Code()}{source}{published}; import {ImportId})";
    }
}
