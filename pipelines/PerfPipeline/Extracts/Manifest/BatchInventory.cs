namespace PerfPipeline.Extracts;

/// <summary>
/// What a folder of exported CSVs holds, by file name alone: the contract's datasets it carries (each named as the
/// manifest names it), the other SSD tables an export brings along (read by nothing), and anything else. The first step
/// of writing a manifest for an SSD export, which defines no file convention of its own.
/// </summary>
public sealed record BatchInventory(
    IReadOnlyList<ManifestDataset> Datasets,
    IReadOnlyList<string> OtherSsdTables,
    IReadOnlyList<(string File, string Why)> Unrecognised)
{
    /// <summary>Sorts the folder's file names. A dataset's file is <c>{dataset}.csv</c>, in any letter case.</summary>
    public static BatchInventory Of(IEnumerable<string> fileNames)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        var datasets = new Dictionary<string, ManifestDataset>(StringComparer.Ordinal);
        var otherSsdTables = new List<string>();
        var unrecognised = new List<(string, string)>();
        foreach (var file in fileNames.Order(StringComparer.Ordinal))
        {
            if (string.Equals(file, ManifestParser.FileName, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
            if (!string.Equals(Path.GetExtension(file), ".csv", StringComparison.OrdinalIgnoreCase))
            {
                unrecognised.Add((file, "not a CSV file"));
            }
            else if (ExtractContract.Find(stem) is not { } contract)
            {
                if (SsdCatalogue.OtherTable(file) is not null)
                {
                    otherSsdTables.Add(file);
                }
                else
                {
                    unrecognised.Add((file, "no contract dataset has this name"));
                }
            }
            else if (!datasets.TryAdd(contract.Name, new ManifestDataset(contract.Name, file, Rows: null, Sha256: null)))
            {
                unrecognised.Add((file, $"{datasets[contract.Name].File} already gives {contract.Name}"));
            }
        }

        // Listed in the contract's order, as an LA's extract job would list them.
        var listed = ExtractContract.Datasets.Select(c => datasets.GetValueOrDefault(c.Name)).OfType<ManifestDataset>().ToList();
        return new BatchInventory(listed, otherSsdTables, unrecognised);
    }
}
