namespace PerfPipeline.Reference;

/// <summary>The kinds of reference data, each one CSV file with a documented shape (docs/reference.md).</summary>
public enum ReferenceKind
{
    /// <summary><c>population.csv</c>: <c>la_code,year,population_0_17</c>, national (many LAs) or an LA's own.</summary>
    Population,

    /// <summary><c>bank-holidays.csv</c>: <c>date,title,notes,source</c>, national only.</summary>
    BankHolidays,

    /// <summary><c>comparators.csv</c>: <c>indicator,geography,period,period_end,value,unit,source_note</c>, national only.</summary>
    Comparators,

    /// <summary><c>targets.csv</c>: <c>indicator,target,tolerance,source,from_date</c>, an LA's own only.</summary>
    Targets,

    /// <summary><c>code-map.csv</c>: <c>dataset,column,source_value,code</c>, an LA's own only.</summary>
    CodeMap,

    /// <summary><c>allocated-roles.csv</c>: <c>role</c>, an LA's own only.</summary>
    AllocatedRoles,
}

/// <summary>Where a reference file sits, which decides what it may hold and what wins.</summary>
public enum ReferenceScope
{
    /// <summary>Shipped inside the product (<c>seeds/reference/</c>): used until something is loaded.</summary>
    Default,

    /// <summary><c>{extracts}/reference/</c>: national files; population keyed by LA.</summary>
    National,

    /// <summary><c>{extracts}/{la}/reference/</c>: one LA's own files, only ever about that LA; they win over national ones.</summary>
    La,
}

/// <summary>File names, stored codes and where each kind may sit.</summary>
public static class ReferenceKinds
{
    public static IReadOnlyList<ReferenceKind> All { get; } = Enum.GetValues<ReferenceKind>();

    /// <summary>The stored and command-line name: <c>population</c>, <c>bank-holidays</c>, …</summary>
    public static string Code(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Population => "population",
        ReferenceKind.BankHolidays => "bank-holidays",
        ReferenceKind.Comparators => "comparators",
        ReferenceKind.Targets => "targets",
        ReferenceKind.CodeMap => "code-map",
        _ => "allocated-roles",
    };

    public static string FileName(this ReferenceKind kind) => kind.Code() + ".csv";

    /// <summary>The CSV header the kind requires, in order.</summary>
    public static IReadOnlyList<string> Columns(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Population => ["la_code", "year", "population_0_17"],
        ReferenceKind.BankHolidays => ["date", "title", "notes", "source"],
        ReferenceKind.Comparators => ["indicator", "geography", "period", "period_end", "value", "unit", "source_note"],
        ReferenceKind.Targets => ["indicator", "target", "tolerance", "source", "from_date"],
        ReferenceKind.CodeMap => ["dataset", "column", "source_value", "code"],
        _ => ["role"],
    };

    /// <summary>Whether a file of the kind may sit in the scope's folder.</summary>
    public static bool AllowedIn(this ReferenceKind kind, ReferenceScope scope) => kind switch
    {
        ReferenceKind.Population => true,
        ReferenceKind.BankHolidays or ReferenceKind.Comparators => scope != ReferenceScope.La,
        _ => scope == ReferenceScope.La,
    };

    public static bool TryParse(string? code, out ReferenceKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.FileName(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Code(this ReferenceScope scope) => scope switch
    {
        ReferenceScope.Default => "default",
        ReferenceScope.National => "national",
        _ => "la",
    };

    public static ReferenceScope ParseScope(string code) => code switch
    {
        "default" => ReferenceScope.Default,
        "national" => ReferenceScope.National,
        "la" => ReferenceScope.La,
        _ => throw new FormatException($"'{code}' is not a reference scope."),
    };
}
