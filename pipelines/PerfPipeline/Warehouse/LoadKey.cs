namespace PerfPipeline.Warehouse;

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;

/// <summary>
/// What identifies a load: LA, <c>as_at</c> and the manifest's SHA-256. The load id is derived from it
/// (<c>872-20190930-3fa2b1c4d5e6f708</c>), so the same batch always maps to the same id, audit row,
/// archive and quarantine folder, and the id names its batch.
/// </summary>
public sealed record LoadKey(string LaCode, DateOnly AsAt, string ManifestSha256)
{
    private const int HashCharacters = 16;

    public string LoadId { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{LaCode}-{AsAt:yyyyMMdd}-{ManifestSha256[..Math.Min(HashCharacters, ManifestSha256.Length)]}");

    public BatchLocation Batch => new(LaCode, AsAt);

    /// <summary>The key of an accepted or rejected batch whose manifest could be read.</summary>
    public static LoadKey Of(ExtractBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var manifest = batch.Manifest ?? throw new ArgumentException("The batch has no readable manifest.", nameof(batch));
        return new(manifest.LaCode, manifest.AsAt, batch.ManifestSha256);
    }

    /// <summary>The batch a load id names: <c>{la}-{yyyyMMdd}-{hash}</c>.</summary>
    public static bool TryParseBatch([NotNullWhen(true)] string? loadId, [NotNullWhen(true)] out BatchLocation? batch)
    {
        batch = null;
        var parts = loadId?.Split('-');
        if (parts is not [var la, var date, var hash] || la.Length == 0 || hash.Length == 0 ||
            !DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt))
        {
            return false;
        }

        batch = new BatchLocation(la, asAt);
        return true;
    }
}
