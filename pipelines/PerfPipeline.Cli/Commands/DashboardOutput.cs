namespace PerfPipeline.Cli.Commands;

using PerfPipeline.Dashboard;

using Spectre.Console;

/// <summary>Prints a dashboard read from the warehouse in the chosen format; a new format is a new case here.</summary>
internal static class DashboardOutput
{
    public static void Write(IAnsiConsole console, DashboardReadout readout, DashboardFormat format)
    {
        switch (format)
        {
            case DashboardFormat.Json:
                console.Profile.Out.Writer.WriteLine(DashboardJson.Serialize(readout.Dashboard));
                break;
            case DashboardFormat.Html:
                console.Profile.Out.Writer.WriteLine(DashboardPage.Render(readout.Dashboard, DashboardTrends.Quarterly(readout.Values)));
                break;
            default:
                if (readout.Dashboard.Team is { } team)
                {
                    console.MarkupLine(Markup.Escape($"Team: {team.Label} (measures the contract gives no team for show n/a: {string.Join(", ", team.LaOnly.Select(m => m.Code))})"));
                }

                DashboardTableView.Write(console, readout.Dashboard);
                break;
        }
    }

    public static async Task WriteJsonFileAsync(string path, DashboardDocument dashboard, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await DashboardJson.WriteAsync(stream, dashboard, cancellationToken).ConfigureAwait(false);
        }
    }
}
