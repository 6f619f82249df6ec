namespace PerfPipeline.Generation;

using PerfPipeline.Generation.Profile;

/// <summary>Generates a profile's world and writes one batch per <c>as_at</c>, each the extract as it stood that day.</summary>
internal static class SeedBatches
{
    public static async Task<IReadOnlyList<string>> WriteAsync(SeedProfile profile, string root, CancellationToken cancellationToken = default)
    {
        var world = SeedGenerator.Generate(profile);
        var folders = new List<string>();
        foreach (var asAt in world.Batches)
        {
            var cut = AsAtCut.Cut(world, asAt);
            folders.Add(await ExtractBatchWriter.WriteAsync(root, world.LaName, world.SourceSystem, cut, asAt, cancellationToken).ConfigureAwait(false));
        }

        return folders;
    }
}
