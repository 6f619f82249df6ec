namespace PerfPipeline.Functions;

using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Loading;

/// <summary>
/// Once a month (app setting <c>MonthlySweepSchedule</c>, default the 2nd at 06:00 UTC): load any batch whose event
/// was missed and warn about LAs whose extract for last month has not arrived. The setting's name is flat: Linux plans
/// do not resolve hierarchical names (<c>PerfPipeline:…</c>) in binding expressions.
/// </summary>
public sealed class MonthlySweep(MonthlyBatchSweep sweep)
{
    [Function(nameof(MonthlySweep))]
    public async Task Run([TimerTrigger("%MonthlySweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
