namespace PerfPipeline.Generation.Profile;

/// <summary>
/// Targets of a flow measure for the dashboard's three periods, and what an ordinary quarter looks like
/// outside them (<see cref="Background"/>, history that earlier periods and look-backs need).
/// </summary>
internal sealed record FlowTargets<T>(T Year, T LastYearQuarter, T Quarter, T Background);
