namespace PerfPipeline.Cli.Commands;

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

using PerfPipeline.Generation;

/// <summary>
/// <c>generate --profile FILE --out DIR</c>: the seed batches a profile describes.
/// <c>generate --scale N --years Y --out DIR [--profile FILE]</c>: one large batch for benchmarks.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var profile = new Option<FileInfo?>("--profile") { Description = "Seed profile (JSON), e.g. seeds/profiles/wokingham-2019-20-q2.json." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Extracts root to write batches under ({la}/{as_at}/).", Required = true };
        var scale = new Option<int?>("--scale") { Description = "Write one large batch of about N times the seed LA's yearly volumes." };
        var years = new Option<int>("--years") { Description = "Years of history in a --scale batch.", DefaultValueFactory = _ => 5 };
        years.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--years must be at least 1.");
            }
        });
        var command = new Command("generate", "Writes synthetic extract batches: the seeds, or larger ones for benchmarks.")
        {
            profile, output, scale, years,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(profile) is null && result.GetValue(scale) is null)
            {
                result.AddError("Give --profile, --scale, or both.");
            }

            if (result.GetValue(scale) is < 1)
            {
                result.AddError("--scale must be at least 1.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var profilePath = parseResult.GetValue(profile)?.FullName;
            var root = parseResult.GetValue(output)!.FullName;
            var stopwatch = Stopwatch.StartNew();
            if (parseResult.GetValue(scale) is { } factor)
            {
                var result = await ExtractGenerator.WriteScaleAsync(factor, parseResult.GetValue(years), profilePath, root, cancellationToken).ConfigureAwait(false);
                var seconds = stopwatch.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {result.Rows:N0} rows to {result.Folder} in {seconds:F1} s ({result.Rows / seconds:N0} rows/s)."));
                return 0;
            }

            foreach (var folder in await ExtractGenerator.WriteSeedsAsync(profilePath!, root, cancellationToken).ConfigureAwait(false))
            {
                Console.WriteLine($"Wrote {folder}");
            }

            return 0;
        });
        return command;
    }
}
