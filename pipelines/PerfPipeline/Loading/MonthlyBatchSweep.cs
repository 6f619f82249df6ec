namespace PerfPipeline.Loading;

using Microsoft.Extensions.Logging;

using PerfPipeline.Batches;

/// <summary>
/// The monthly safety net: loads every batch of the source that has no load yet (its trigger was missed, or every
/// attempt failed) and warns about LAs whose extract for last month has not arrived. Batches loaded before cost one
/// manifest read each.
/// </summary>
public sealed partial class MonthlyBatchSweep(IBatchSource source, ExactlyOnceLoader loader, TimeProvider timeProvider, ILogger<MonthlyBatchSweep> logger)
{
    /// <exception cref="LoadFailedException">Some batches could not be loaded; every other batch was still tried.</exception>
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var batches = new List<BatchLocation>();
        await foreach (var batch in source.FindBatchesAsync(cancellationToken).ConfigureAwait(false))
        {
            batches.Add(batch);
        }

        var outcomes = new List<LoadOutcome>();
        var failed = new List<LoadOutcome>();
        foreach (var batch in batches.OrderBy(b => b.AsAt).ThenBy(b => b.LaCode, StringComparer.Ordinal))
        {
            try
            {
                if (await loader.LoadAsync(batch, cancellationToken).ConfigureAwait(false) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
            catch (LoadFailedException e)
            {
                failed.AddRange(e.Failed);
            }
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var result = new SweepResult([.. outcomes, .. failed], LateExtracts.DueMonth(today), LateExtracts.Find(batches, today));
        foreach (var la in result.LateLaCodes)
        {
            ExtractLate(la, result.DueMonth.Code);
        }

        var caught = result.Caught.Count();
        SweepDone(batches.Count, caught, failed.Count, result.LateLaCodes.Count);
        return failed.Count == 0 ? result : throw new LoadFailedException(failed);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "No batch from LA {LaCode} as at {DueMonth} or later: its extract is late")]
    private partial void ExtractLate(string laCode, string dueMonth);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Monthly sweep: {Batches} batches found, {Caught} loaded that had no load, {Failed} failed, {Late} LAs late")]
    private partial void SweepDone(int batches, int caught, int failed, int late);
}
