namespace PerfPipeline.Indicators.Teams;

using PerfPipeline.Calendar;

/// <summary>
/// One measure for one team of an LA and one period, from the team's own numerator and denominator;
/// <see cref="TeamKey"/> is <see cref="TeamKeys.NoTeamRecorded"/> for rows the extract gives no team.
/// </summary>
public sealed record TeamIndicatorValue(
    string LaCode,
    string TeamKey,
    string IndicatorCode,
    Period Period,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Value);
