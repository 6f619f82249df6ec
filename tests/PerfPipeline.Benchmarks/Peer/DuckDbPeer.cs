namespace PerfPipeline.Benchmarks.Peer;

using System.Globalization;
using System.Text;

using DuckDB.NET.Data;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;

/// <summary>One batch folder the peer reads: its snapshot datasets always, its event datasets when it is the newest.</summary>
internal sealed record PeerBatch(DateOnly AsAt, string Folder);

/// <summary>One figure as the peer computes it (period type as <see cref="PeriodType"/> names it).</summary>
internal sealed record PeerValue(string IndicatorCode, string PeriodType, string Period, double? Numerator, double? Denominator, double? Value);

/// <summary>
/// The benchmark's peer: <c>duckdb-measures.sql</c> run by an in-memory DuckDB over a LA's batch folders, as the
/// pipeline would see them after loading every batch (events from the newest, snapshots from each). No validation,
/// no pseudonyms, no storage: what a plain analytical query costs, to set <c>run</c>'s time against.
/// </summary>
internal static class DuckDbPeer
{
    // The calendar's span: wider than any extract's dates.
    private static readonly DateOnly FirstDay = new(1950, 1, 1);
    private static readonly DateOnly LastDay = new(2060, 12, 31);

    public static IReadOnlyList<PeerValue> Compute(IReadOnlyList<PeerBatch> batches, IReadOnlyList<PopulationEstimate> population)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(population);
        var newest = batches.MaxBy(b => b.AsAt) ?? throw new ArgumentException("No batch to read.", nameof(batches));
        var statements = Script()
            .Replace("{events}", Escape(newest.Folder), StringComparison.Ordinal)
            .Replace("{as_at}", Date(newest.AsAt), StringComparison.Ordinal)
            .Replace("{care_leavers}", Snapshots(batches, "ssd_care_leavers",
                "clea_person_id AS person, clea_care_leaver_in_touch AS in_touch, clea_care_leaver_accommodation AS accommodation, " +
                "clea_care_leaver_accom_suitable AS accommodation_suitable, clea_care_leaver_activity AS activity"), StringComparison.Ordinal)
            .Replace("{ehcp_active_plans}", Snapshots(batches, "ssd_ehcp_active_plans",
                "upper(ehcp_educated_in_borough) IN ('Y', 'YES', '1', 'TRUE') AS in_borough"), StringComparison.Ordinal)
            .Replace("{missing_education}", Snapshots(batches, "children_missing_education", "cme_person_id AS person"), StringComparison.Ordinal)
            .Replace("{population}", Population(population), StringComparison.Ordinal)
            .Replace("{holidays}", Holidays(), StringComparison.Ordinal)
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))
            .ToList();

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (var statement in statements[..^1])
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }

        using var query = connection.CreateCommand();
        query.CommandText = statements[^1];
        using var reader = query.ExecuteReader();
        var values = new List<PeerValue>();
        while (reader.Read())
        {
            values.Add(new PeerValue(reader.GetString(0), reader.GetString(1), reader.GetString(2), Double(reader, 3), Double(reader, 4), Double(reader, 5)));
        }

        return values;
    }

    /// <summary>The batch folders of one LA under an extracts root (<c>{la}/{as_at}/</c>; other folders, such as the LA's reference data, are not batches).</summary>
    public static IReadOnlyList<PeerBatch> BatchesOf(string laFolder) =>
        [.. Directory.EnumerateDirectories(laFolder)
            .Select(folder => DateOnly.TryParseExact(Path.GetFileName(folder), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt)
                ? new PeerBatch(asAt, folder)
                : null)
            .OfType<PeerBatch>()
            .OrderBy(b => b.AsAt)];

    private static string Script()
    {
        using var stream = typeof(DuckDbPeer).Assembly.GetManifestResourceStream("duckdb-measures.sql")
            ?? throw new InvalidOperationException("duckdb-measures.sql is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    private static string Snapshots(IReadOnlyList<PeerBatch> batches, string dataset, string columns)
    {
        var reads = batches
            .Where(b => File.Exists(Path.Combine(b.Folder, dataset + ".csv")))
            .Select(b => $"SELECT DATE '{Date(b.AsAt)}' AS as_at, {columns} " +
                $"FROM read_csv('{Escape(Path.Combine(b.Folder, dataset + ".csv"))}', header = true, all_varchar = true)")
            .ToList();

        // No batch brought the dataset: an empty table of the same shape.
        return reads.Count > 0
            ? string.Join(" UNION ALL ", reads)
            : $"SELECT * FROM (SELECT DATE '{Date(batches[0].AsAt)}' AS as_at, {columns} " +
              $"FROM read_csv('{Escape(Path.Combine(batches[0].Folder, "ssd_person.csv"))}', header = true, all_varchar = true)) LIMIT 0";
    }

    private static string Population(IReadOnlyList<PopulationEstimate> population) =>
        population.Count == 0
            ? "(NULL::INTEGER, NULL::INTEGER)"
            : string.Join(", ", population.Select(p => string.Create(CultureInfo.InvariantCulture, $"({p.Year}, {p.Population})")));

    // The bank holidays as the pipeline's calendar knows them: weekdays that are not working days.
    private static string Holidays()
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var holidays = new List<string>();
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsWorkingDay(day))
            {
                holidays.Add($"(DATE '{Date(day)}')");
            }
        }

        return string.Join(", ", holidays);
    }

    private static double? Double(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Escape(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
