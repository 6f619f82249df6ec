namespace PerfPipeline.Generation.Profile;

/// <summary>Permanent qualified social workers who leave between <see cref="From"/> and <see cref="To"/> (inclusive), one FTE each.</summary>
internal sealed record LeaverWindow(DateOnly From, DateOnly To, IReadOnlyList<decimal> Fte);
