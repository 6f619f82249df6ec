namespace PerfPipeline.Extracts;

using System.Security.Cryptography;

using PerfPipeline.Batches;

/// <summary>
/// Drafts the manifest of a folder of exported CSVs (<c>perfpipeline manifest</c>): the datasets the folder carries,
/// each with its row count and SHA-256. Rows are counted by reading the batch as a load reads it, so the count is the
/// reader's own (quoted line breaks, blank lines and unreadable records counted exactly as a load counts them).
/// </summary>
public static class ManifestDraft
{
    public static async Task<BatchManifest> CreateAsync(
        ExtractReader reader, IBatchSource source, BatchLocation batch, BatchManifest listing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(listing);

        // The listing (no rows, no checksums) is served to the reader from memory: nothing is written until every count is known.
        using var listingJson = new MemoryStream();
        await ManifestWriter.WriteAsync(listingJson, listing, cancellationToken).ConfigureAwait(false);
        var listingBytes = listingJson.ToArray();
        var read = await reader.ReadAsync(
            batch,
            (fileName, ct) => fileName == ManifestParser.FileName
                ? Task.FromResult<Stream?>(new MemoryStream(listingBytes, writable: false))
                : source.OpenFileAsync(batch, fileName, ct),
            cancellationToken).ConfigureAwait(false);

        var datasets = new List<ManifestDataset>(listing.Datasets.Count);
        foreach (var dataset in listing.Datasets)
        {
            var rows = read.Datasets.FirstOrDefault(d => d.File == dataset.File)?.RowsRead;
            var stream = await source.OpenFileAsync(batch, dataset.File, cancellationToken).ConfigureAwait(false)
                ?? throw new FileNotFoundException($"{dataset.File} is no longer in the folder", dataset.File);
            await using (stream.ConfigureAwait(false))
            {
                var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
                datasets.Add(dataset with { Rows = rows, Sha256 = sha256 });
            }
        }

        return listing with { Datasets = datasets };
    }
}
