namespace PerfPipeline.Warehouse;

using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

using PerfPipeline.Indicators;

/// <summary>The rows of <c>dim_indicator</c>: the indicator catalogue, with the JSON codes of unit and polarity.</summary>
internal static class IndicatorDimension
{
    public const string SelectSql = """
        SELECT indicator_code AS Code, label AS Label, item AS Item, item_title AS ItemTitle, unit AS Unit, polarity AS Polarity,
               display_precision AS DisplayPrecision, national_value AS NationalValue, national_period AS NationalPeriod,
               sort_order AS SortOrder
        FROM dim_indicator
        """;

    public static IReadOnlyList<Row> Rows() =>
    [
        .. IndicatorCatalogue.All.Select(d => new Row(
            d.Code, d.Label, d.Item.Number, d.Item.Title, Code(d.Unit), Code(d.Polarity), d.Precision,
            d.National is { } national ? (double)national.Value : null, d.National?.Period, d.SortOrder)),
    ];

    /// <summary>
    /// The enum's name in the JSON of docs/spec/interfaces.md (<c>rate_per_10k</c>, <c>higher_is_better</c>): the member's
    /// <see cref="JsonStringEnumMemberNameAttribute"/>, as its <see cref="JsonStringEnumConverter{TEnum}"/> writes it, read
    /// directly (the serializer would build its converter for the enum on every open of a new file just for these codes).
    /// </summary>
    internal static string Code<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return typeof(T).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Also instantiated by Dapper.")]
    internal sealed record Row(
        string Code, string Label, long Item, string ItemTitle, string Unit, string Polarity, long DisplayPrecision,
        double? NationalValue, string? NationalPeriod, long SortOrder);
}
