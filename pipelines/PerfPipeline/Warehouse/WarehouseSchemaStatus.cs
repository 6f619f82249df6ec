namespace PerfPipeline.Warehouse;

/// <summary>
/// How the warehouse's applied migrations compare with the scripts this build carries: <see cref="Pending"/> are
/// scripts not yet applied (the database is behind: run <c>perfpipeline migrate</c>), <see cref="Unknown"/> are
/// applied scripts this build does not know (the database is ahead: an older app runs against a newer schema).
/// Names are script file names, e.g. <c>0008_stage.sql</c>.
/// </summary>
public sealed record WarehouseSchemaStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>A script this build carries is not applied yet: the database must be migrated before it is used.</summary>
    public bool IsBehind => Pending.Count > 0;

    /// <summary>Compares the journal's script names with the build's, both as file names.</summary>
    public static WarehouseSchemaStatus Compare(IEnumerable<string> known, IEnumerable<string> applied)
    {
        var knownList = known.Order(StringComparer.Ordinal).ToList();
        var appliedList = applied.Order(StringComparer.Ordinal).ToList();
        return new WarehouseSchemaStatus(
            appliedList,
            [.. knownList.Except(appliedList, StringComparer.Ordinal)],
            [.. appliedList.Except(knownList, StringComparer.Ordinal)]);
    }
}
