namespace PerfPipeline.Functions;

using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Loading;

/// <summary>
/// Once a month (<c>PerfPipeline__MonthlySweepSchedule</c>, default the 2nd at 06:00 UTC): load any batch whose
/// trigger was missed and warn about LAs whose extract for last month has not arrived.
/// </summary>
public sealed class MonthlySweep(MonthlyBatchSweep sweep)
{
    [Function(nameof(MonthlySweep))]
    public async Task Run([TimerTrigger("%PerfPipeline:MonthlySweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
