namespace PerfPipeline.Functions;

using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Loading;
using PerfPipeline.Reference;

/// <summary>
/// Once a month (app setting <c>MonthlySweepSchedule</c>, default the 2nd at 06:00 UTC): load any batch whose event
/// was missed and warn about LAs whose extract for last month has not arrived. The setting's name is flat: Linux plans
/// do not resolve hierarchical names (<c>PerfPipeline:…</c>) in binding expressions. Every reference folder of the
/// container is imported first, so a file uploaded without a manifest is in force by the next month at the latest.
/// </summary>
public sealed class MonthlySweep(MonthlyBatchSweep sweep, BlobReferenceLoader references)
{
    [Function(nameof(MonthlySweep))]
    public async Task Run([TimerTrigger("%MonthlySweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await references.ImportAllAsync(cancellationToken).ConfigureAwait(false);
        await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
