namespace PerfPipeline.Cli.Commands;

using System.Globalization;

using PerfPipeline.Loading;

using Spectre.Console;

/// <summary>
/// <c>run</c>'s progress, per batch and per dataset file: a Spectre.Console progress bar on a terminal, plain lines when
/// the output is redirected (a log, CI), and <c>--timings</c>' seconds per phase.
/// </summary>
internal static class LoadProgressView
{
    /// <summary>What a step says: <c>[1/3] 872/2019-09-30: reading ssd_cin_episodes.csv</c>.</summary>
    public static string Describe(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var batch = $"[{progress.Number}/{progress.Count}] {progress.Batch.Path}";
        return progress.Step switch
        {
            LoadStep.Reading => $"{batch}: reading {progress.File}",
            LoadStep.Archiving => $"{batch}: archiving",
            LoadStep.Loading => $"{batch}: loading into the warehouse",
            _ => batch,
        };
    }

    /// <summary>Loads with a progress bar on a terminal; otherwise a plain line per step of each batch worked on, in order.</summary>
    public static Task<IReadOnlyList<LoadOutcome>> LoadAsync(IAnsiConsole console, BatchLoader loader, bool acceptShrink, CancellationToken cancellationToken) =>
        !console.Profile.Capabilities.Interactive
            ? loader.LoadNewBatchesAsync(new Lines(console), acceptShrink, cancellationToken)
            : console.Progress().AutoClear(true).StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("Loading batches", autoStart: true);
                var progress = new Progress<LoadProgress>(p =>
                {
                    task.MaxValue = p.Count;
                    task.Value = p.Number - 1;
                    task.Description = Markup.Escape(Describe(p));
                });
                var outcomes = await loader.LoadNewBatchesAsync(progress, acceptShrink, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return outcomes;
            });

    /// <summary>Seconds per phase for each batch that was worked on, and their sum.</summary>
    public static void WriteTimings(IAnsiConsole console, IReadOnlyList<LoadOutcome> outcomes)
    {
        var worked = outcomes.Where(o => o.Kind != LoadOutcomeKind.AlreadyLoaded).ToList();
        if (worked.Count == 0)
        {
            console.MarkupLine("Timings: no batch was loaded.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("seconds");
        foreach (var phase in new[] { "read and validate", "archive", "load", "indicators", "indicator write", "total" })
        {
            table.AddColumn(new TableColumn(phase).RightAligned());
        }

        foreach (var outcome in worked)
        {
            AddRow(table, outcome.Batch.Path, outcome.Timings);
        }

        AddRow(table, "all", LoadTimings.Sum(worked.Select(o => o.Timings)));
        console.Write(table);
    }

    private static void AddRow(Table table, string name, LoadTimings t) =>
        table.AddRow(Markup.Escape(name), Seconds(t.ReadAndValidate), Seconds(t.Archive), Seconds(t.Load), Seconds(t.Indicators), Seconds(t.IndicatorWrite), Seconds(t.Total));

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes each step as it is reported, on the loader's own thread, so lines keep their order. A batch's start is not
    /// a line of its own: a batch loaded already has no other step, and prints nothing.
    /// </summary>
    private sealed class Lines(IAnsiConsole console) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value)
        {
            if (value.Step != LoadStep.Starting)
            {
                console.WriteLine(Describe(value));
            }
        }
    }
}
