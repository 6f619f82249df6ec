namespace PerfPipeline.Benchmarks.Extracts;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using PerfPipeline.Batches;

/// <summary>
/// Writes a large, valid batch to a folder: <c>872/2019-09-30/ssd_cin_episodes.csv</c> with the given number of
/// referrals (all seven contract columns plus two columns outside the contract, as SSD exports carry), and a
/// manifest listing its row count and SHA-256. Seeded, so every run reads the same bytes.
/// </summary>
internal static class LargeExtractBatch
{
    public static readonly BatchLocation Location = new("872", new DateOnly(2019, 9, 30));

    private static readonly string[] SourceCodes = ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "6", "7", "8", "9", "10"];
    private static readonly string[] Teams = ["Front Door", "Assessment East", "Assessment West", "Child in Need North", "Child in Need South", "Disabled Children", "Out of Hours"];

    /// <summary>
    /// Writes the batch under <paramref name="extractsRoot"/> and returns the CSV's size in bytes. With
    /// <paramref name="keysInOrder"/> the referral ids ascend (an export ordered by key), otherwise they are shuffled.
    /// </summary>
    public static long Write(string extractsRoot, int rows, bool keysInOrder, int seed = 872)
    {
        var folder = Path.Combine(extractsRoot, Location.LaCode, "2019-09-30");
        Directory.CreateDirectory(folder);
        var csvPath = Path.Combine(folder, "ssd_cin_episodes.csv");
        var random = new Random(seed);
        var first = new DateOnly(2010, 4, 1).DayNumber;
        var days = Location.AsAt.DayNumber - first + 1;
        var people = Math.Max(1, rows / 3);
        var ids = Enumerable.Range(1, rows).ToArray();
        if (!keysInOrder)
        {
            random.Shuffle(ids);
        }

        using (var writer = new StreamWriter(csvPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
        {
            writer.NewLine = "\r\n";
            writer.WriteLine("cine_referral_id,cine_person_id,pers_legacy_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team,cine_referral_notes");
            for (var i = 0; i < rows; i++)
            {
                var referral = DateOnly.FromDayNumber(first + random.Next(days));
                var closed = random.NextDouble() < 0.8
                    ? DateOnly.FromDayNumber(Math.Min(referral.DayNumber + random.Next(400), Location.AsAt.DayNumber)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : string.Empty;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"R{ids[i]:D8},{random.Next(people) + 100000},L{random.Next(1_000_000)},{referral:yyyy-MM-dd},{SourceCodes[random.Next(SourceCodes.Length)]},{(random.Next(10) == 0 ? "Y" : "N")},{closed},{Teams[random.Next(Teams.Length)]},\"free text, not stored\""));
            }
        }

        var bytes = File.ReadAllBytes(csvPath);
        var manifest = new
        {
            la_code = Location.LaCode,
            la_name = "Wokingham",
            as_at = "2019-09-30",
            datasets = new[] { new { name = "ssd_cin_episodes", file = "ssd_cin_episodes.csv", rows = (long)rows, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) } },
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest));
        return bytes.LongLength;
    }
}
