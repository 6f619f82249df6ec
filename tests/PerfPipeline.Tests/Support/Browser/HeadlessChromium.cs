namespace PerfPipeline.Tests.Support.Browser;

using System.Diagnostics;
using System.Text.Json;

using PerfPipeline.Tests.TestSupport;

/// <summary>
/// Opens a page in the system's headless Chromium through playwright-core (from the repository's node_modules) and
/// returns what <c>read-dashboard.js</c> read from it; the browser runs with a fresh profile and no network extras.
/// </summary>
internal static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Reads <paramref name="page"/> and saves its screenshot; with <paramref name="periodToPick"/>, then picks that
    /// period in the page's period picker and reads the page it submits to (<c>picked</c>).
    /// </summary>
    public static Task<JsonDocument> ReadDashboardAsync(Uri page, string screenshotPath, string? periodToPick = null, CancellationToken cancellationToken = default) =>
        RunAsync("read-dashboard.js", page, screenshotPath, periodToPick is null ? [] : [periodToPick], cancellationToken);

    /// <summary>Picks <paramref name="team"/> in the served page's team picker, reads the work list, and sorts it by days overdue (<c>read-team-page.js</c>).</summary>
    public static Task<JsonDocument> ReadTeamPageAsync(Uri page, string screenshotPath, string team, CancellationToken cancellationToken = default) =>
        RunAsync("read-team-page.js", page, screenshotPath, [team], cancellationToken);

    /// <summary>
    /// Reads each item's heading and text (drafted sentences, officers' paragraphs) from <paramref name="page"/>, saves
    /// its screenshot, and prints it to a PDF at <paramref name="pdfPath"/> (<c>print-dashboard.js</c>).
    /// </summary>
    public static Task<JsonDocument> PrintDashboardAsync(Uri page, string screenshotPath, string pdfPath, CancellationToken cancellationToken = default) =>
        RunAsync("print-dashboard.js", page, screenshotPath, [pdfPath], cancellationToken);

    private static async Task<JsonDocument> RunAsync(string script, Uri page, string screenshotPath, string[] extra, CancellationToken cancellationToken)
    {
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "Support", "Browser", script),
            RepositoryRoot.File("node_modules", "playwright-core"),
            ExecutablePath,
            page.AbsoluteUri,
            screenshotPath,
            profile.Path,
            .. extra,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode == 0
            ? JsonDocument.Parse(await output.ConfigureAwait(false))
            : throw new InvalidOperationException($"Reading {page} in Chromium failed: {await error.ConfigureAwait(false)}");
    }
}
