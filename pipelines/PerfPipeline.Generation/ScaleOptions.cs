namespace PerfPipeline.Generation;

using PerfPipeline.Generation.Profile;

/// <summary>A large synthetic batch: <see cref="Scale"/> times the seed LA's yearly volumes over <see cref="Years"/> years to <see cref="AsAt"/>.</summary>
internal sealed record ScaleOptions(int Scale, int Years)
{
    public int Seed { get; init; } = 1;
    public string LaCode { get; init; } = "999";
    public string LaName { get; init; } = "Synthetic";
    public DateOnly AsAt { get; init; } = new(2019, 9, 30);

    public static ScaleOptions From(SeedProfile profile, int scale, int years) =>
        new(scale, years) { Seed = profile.Seed, LaCode = profile.LaCode, LaName = profile.LaName, AsAt = profile.Batches[^1] };
}
