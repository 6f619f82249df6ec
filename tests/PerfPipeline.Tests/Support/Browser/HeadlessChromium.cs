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

    public static async Task<JsonDocument> ReadDashboardAsync(Uri page, string screenshotPath, CancellationToken cancellationToken = default)
    {
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Support", "Browser", "read-dashboard.js"),
            RepositoryRoot.File("node_modules", "playwright-core"),
            ExecutablePath,
            page.AbsoluteUri,
            screenshotPath,
            profile.Path,
        })
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
