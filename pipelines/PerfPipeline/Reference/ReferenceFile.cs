namespace PerfPipeline.Reference;

/// <summary>
/// One reference file read and checked: its kind, where it sat (and for an LA's own file, the LA), its path as found
/// (<c>reference/population.csv</c>, <c>872/reference/targets.csv</c>), its SHA-256, what the manifest says of its
/// source and publication, and its rows (only the list of its kind is filled).
/// </summary>
public sealed record ReferenceFile(ReferenceKind Kind, ReferenceScope Scope, string? LaCode, string Path, string Sha256)
{
    public string? Source { get; init; }

    public DateOnly? PublishedOn { get; init; }

    public IReadOnlyList<PopulationRow> Population { get; init; } = [];

    public IReadOnlyList<Calendar.BankHoliday> BankHolidays { get; init; } = [];

    public IReadOnlyList<Comparator> Comparators { get; init; } = [];

    public IReadOnlyList<IndicatorTarget> Targets { get; init; } = [];

    public IReadOnlyList<CodeMapEntry> CodeMap { get; init; } = [];

    public IReadOnlyList<string> AllocatedRoles { get; init; } = [];

    public int Rows => Kind switch
    {
        ReferenceKind.Population => Population.Count,
        ReferenceKind.BankHolidays => BankHolidays.Count,
        ReferenceKind.Comparators => Comparators.Count,
        ReferenceKind.Targets => Targets.Count,
        ReferenceKind.CodeMap => CodeMap.Count,
        _ => AllocatedRoles.Count,
    };

    /// <summary>The LA a stored file is filed under: its own for an LA's file, empty for national and default ones.</summary>
    public string ScopeLa => LaCode ?? string.Empty;
}

/// <summary>A problem with a reference file: the whole import is refused and nothing is stored.</summary>
public sealed record ReferenceIssue(string Path, int? Row, string? Column, string? Value, string Reason)
{
    public override string ToString()
    {
        var at = Row is { } row ? $" row {row}" : string.Empty;
        var column = Column is null ? string.Empty : $" column {Column}";
        var value = Value is null ? string.Empty : $" value '{Value}'";
        return $"{Path}{at}{column}{value}: {Reason}";
    }
}

/// <summary>Thrown when reference files cannot be imported; <see cref="Issues"/> lists every problem found.</summary>
public sealed class ReferenceImportException : Exception
{
    public ReferenceImportException(IReadOnlyList<ReferenceIssue> issues)
        : base(Describe(issues)) => Issues = issues;

    public ReferenceImportException()
        : this([])
    {
    }

    public ReferenceImportException(string message)
        : base(message) => Issues = [];

    public ReferenceImportException(string message, Exception innerException)
        : base(message, innerException) => Issues = [];

    public IReadOnlyList<ReferenceIssue> Issues { get; }

    private static string Describe(IReadOnlyList<ReferenceIssue> issues) =>
        issues.Count == 0
            ? "The reference files could not be imported."
            : $"Reference data not imported, nothing changed ({issues.Count} problem{(issues.Count == 1 ? string.Empty : "s")}):{Environment.NewLine}"
              + string.Join(Environment.NewLine, issues.Take(50).Select(i => "  " + i));
}
