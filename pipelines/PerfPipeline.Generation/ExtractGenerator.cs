namespace PerfPipeline.Generation;

using PerfPipeline.Generation.Profile;

/// <summary>
/// The generator's public surface: the seed batches a profile describes, or one large batch for benchmarks.
/// Everything behind it (the profile's shape, the builders, the CSV writer) is internal.
/// </summary>
public static class ExtractGenerator
{
    /// <summary>Writes one batch per <c>as_at</c> of the profile (<c>seeds/profiles/*.json</c>) under <paramref name="root"/>; returns the batch folders.</summary>
    public static Task<IReadOnlyList<string>> WriteSeedsAsync(string profilePath, string root, CancellationToken cancellationToken = default) =>
        SeedBatches.WriteAsync(SeedProfileJson.Load(profilePath), root, cancellationToken);

    /// <summary>
    /// Writes one batch of about <paramref name="scale"/> times the seed LA's yearly volumes over <paramref name="years"/>
    /// years; with a profile, its seed, LA and newest <c>as_at</c>.
    /// </summary>
    public static Task<ScaleResult> WriteScaleAsync(int scale, int years, string? profilePath, string root, CancellationToken cancellationToken = default)
    {
        var options = profilePath is null ? new ScaleOptions(scale, years) : ScaleOptions.From(SeedProfileJson.Load(profilePath), scale, years);
        return ScaleGenerator.WriteAsync(options, root, cancellationToken);
    }
}
