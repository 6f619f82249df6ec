namespace PerfPipeline.CaseData;

using System.Globalization;

using nietras.SeparatedValues;

using PerfPipeline.Reference;

/// <summary>
/// Mid-year estimates of the population aged 0-17 per LA, shipped as <c>seeds/reference/population.csv</c>
/// (columns <c>la_code,year,population_0_17</c>; one row per LA and year; the estimate for year Y refers to
/// 30 June Y) and embedded into the library.
/// </summary>
public static class PopulationReference
{
    internal const string FileName = "population.csv";

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<PopulationEstimate>>> Embedded = new(() =>
    {
        using var stream = EmbeddedReference.Open(FileName);
        return Parse(stream);
    });

    /// <summary>The shipped estimates for one LA, oldest first; empty when the LA has none.</summary>
    public static IReadOnlyList<PopulationEstimate> ForLa(string laCode) =>
        Embedded.Value.TryGetValue(laCode, out var estimates) ? estimates : [];

    public static IReadOnlyDictionary<string, IReadOnlyList<PopulationEstimate>> Parse(Stream stream)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(stream);
        var byLa = new Dictionary<string, List<PopulationEstimate>>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var laCode = row["la_code"].ToString().Trim();
            var estimate = new PopulationEstimate(
                int.Parse(row["year"].Span, NumberStyles.None, CultureInfo.InvariantCulture),
                int.Parse(row["population_0_17"].Span, NumberStyles.None, CultureInfo.InvariantCulture));
            if (!byLa.TryGetValue(laCode, out var estimates))
            {
                byLa[laCode] = estimates = [];
            }

            estimates.Add(estimate);
        }

        return byLa.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<PopulationEstimate>)[.. pair.Value.OrderBy(e => e.Year)],
            StringComparer.Ordinal);
    }
}
