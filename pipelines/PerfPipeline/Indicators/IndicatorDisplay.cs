namespace PerfPipeline.Indicators;

using System.Globalization;

/// <summary>
/// How values are shown: rounded half away from zero on the exact value to the measure's precision, with
/// thousands separators and no unit sign (<c>1,787</c>, <c>25.1</c>), or <c>n/a</c>.
/// </summary>
public static class IndicatorDisplay
{
    public const string NotAvailable = "n/a";

    public static decimal Round(decimal value, int precision) => Math.Round(value, precision, MidpointRounding.AwayFromZero);

    public static string Format(decimal? value, int precision)
    {
        if (value is not { } exact)
        {
            return NotAvailable;
        }

        var rounded = Round(exact, precision);

        // A value that rounds to zero shows as 0, never -0.
        return (rounded == 0 ? 0m : rounded).ToString("N" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A displayed value as pages and tables show it: with <c>%</c> where the unit is percent (the JSON's
    /// <c>display</c> has no unit sign), and <c>n/a</c> as it is.
    /// </summary>
    public static string WithUnit(string display, IndicatorUnit unit) =>
        unit == IndicatorUnit.Percent && display != NotAvailable ? display + "%" : display;

    /// <summary>Up, down or level comparing the two values as displayed; null when either is not available.</summary>
    public static TravelDirection? Direction(decimal? current, decimal? comparator, int precision)
    {
        if (current is not { } now || comparator is not { } then)
        {
            return null;
        }

        return Round(now, precision).CompareTo(Round(then, precision)) switch
        {
            > 0 => TravelDirection.Up,
            < 0 => TravelDirection.Down,
            _ => TravelDirection.Level,
        };
    }

    public static string Arrow(TravelDirection? direction) => direction switch
    {
        TravelDirection.Up => "↑",
        TravelDirection.Down => "↓",
        TravelDirection.Level => "↔",
        _ => "",
    };
}
