namespace PerfPipeline.Reporting;

using PerfPipeline.Indicators;

/// <summary>
/// The one rule that turns a direction of travel and a polarity into words, shared by the table ("improving") and
/// the drafted sentence ("improved"), so the two can never disagree. Level is "unchanged" whatever the polarity.
/// </summary>
public static class DirectionWords
{
    /// <summary>The table's word: improving, worsening, neutral, no change, or not compared.</summary>
    public static string Change(TravelDirection? direction, IndicatorPolarity polarity) => (direction, polarity) switch
    {
        (null, _) => "not compared",
        (TravelDirection.Level, _) => "no change",
        (_, IndicatorPolarity.Neutral) => "neutral",
        _ => IsImprovement(direction.Value, polarity) ? "improving" : "worsening",
    };

    /// <summary>The sentence's word: improved, worsened, rose or fell (neutral measures), unchanged; null when not compared.</summary>
    public static string? Verb(TravelDirection? direction, IndicatorPolarity polarity) => (direction, polarity) switch
    {
        (null, _) => null,
        (TravelDirection.Level, _) => "unchanged",
        (_, IndicatorPolarity.Neutral) => direction == TravelDirection.Up ? "rose" : "fell",
        _ => IsImprovement(direction.Value, polarity) ? "improved" : "worsened",
    };

    private static bool IsImprovement(TravelDirection direction, IndicatorPolarity polarity) =>
        (direction, polarity) is (TravelDirection.Up, IndicatorPolarity.HigherIsBetter) or (TravelDirection.Down, IndicatorPolarity.LowerIsBetter);
}
