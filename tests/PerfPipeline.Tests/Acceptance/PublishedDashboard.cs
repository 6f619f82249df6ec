namespace PerfPipeline.Tests.Acceptance;

using System.Globalization;

using nietras.SeparatedValues;


/// <summary>
/// The published Wokingham dashboard (<c>seeds/reference/seed-dashboard.csv</c>) and how a computed value
/// is held to it: rounded half away from zero to the decimals the figure is printed with.
/// </summary>
internal static class PublishedDashboard
{
    public const string YearColumn = "fy_2018_19";
    public const string LastYearQuarterColumn = "q2_2018_19";
    public const string QuarterColumn = "q2_2019_20";

    /// <summary>The one figure no cohort of whole children reaches (docs/spec/indicators.md): the seeds give 74 of 114.</summary>
    public const string Unreachable = "CIC_MULTIPLE_SOCIAL_WORKERS_12M_PCT";

    public static IReadOnlyList<PublishedMeasure> Load()
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(RepositoryRoot.File("seeds", "reference", "seed-dashboard.csv"));
        var rows = new List<PublishedMeasure>();
        foreach (var row in reader)
        {
            rows.Add(new PublishedMeasure(
                row["indicator"].ToString(),
                row[YearColumn].ToString(),
                row[LastYearQuarterColumn].ToString(),
                row[QuarterColumn].ToString(),
                row["direction"].ToString()));
        }

        return rows;
    }

    /// <summary>The figure a value should show: <c>n/a</c>, or the value rounded to the published figure's decimals.</summary>
    public static string Expected(string indicator, string column, string published) =>
        indicator == Unreachable && column == YearColumn ? "64.9" : published;

    public static string AsPublished(decimal? value, string published)
    {
        if (value is not { } v)
        {
            return "n/a";
        }

        var dot = published.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : published.Length - dot - 1;
        return Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
