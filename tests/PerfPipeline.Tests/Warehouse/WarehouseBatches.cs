namespace PerfPipeline.Tests.Warehouse;

using System.Security.Cryptography;
using System.Text;

using PerfPipeline.Extracts;

/// <summary>Accepted batches built in memory, as the extract reader would hand them to the warehouse.</summary>
internal static class WarehouseBatches
{
    public static readonly DateOnly August = new(2019, 8, 31);
    public static readonly DateOnly September = new(2019, 9, 30);

    /// <summary>A batch of <paramref name="datasets"/>; <paramref name="delivery"/> tells apart two manifests of the same LA and as_at.</summary>
    public static ExtractBatch Batch(DateOnly asAt, IReadOnlyList<DatasetExtract> datasets, string laCode = "872", string delivery = "1", IReadOnlyList<ValidationIssue>? issues = null)
    {
        var manifest = new BatchManifest(
            laCode, "Wokingham", asAt, "Mosaic", [.. datasets.Select(d => new ManifestDataset(d.Contract.Name, d.File, d.RowsRead, null))]);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{laCode}|{asAt:yyyy-MM-dd}|{delivery}")));
        return new ExtractBatch(manifest, sha256, datasets, issues ?? [], IsRejected: false, RejectionReason: null);
    }

    /// <summary>A dataset whose accepted rows are <paramref name="rows"/> (values in contract order) and <paramref name="rejected"/> more were rejected.</summary>
    public static DatasetExtract Dataset(DatasetContract contract, IReadOnlyList<object?[]> rows, long rejected = 0) =>
        new(contract, $"{contract.Name}.csv", rows.Count + rejected, rejected, [.. rows.Select((values, i) => new AcceptedRow(i + 1, values))]);

    public static object?[] Referral(string id, string person, DateOnly date, string? team = "Front Door") =>
        [id, person, date, "1A", false, null, team];

    public static object?[] Person(string key, DateOnly? dateOfBirth) => [key, "F", "WBRI", dateOfBirth, "family-" + key];

    public static object?[] CareLeaver(string id, string person, string inTouch) => [id, person, "Relevant", inTouch, null, "U1", "Suitable", "F2"];
}
