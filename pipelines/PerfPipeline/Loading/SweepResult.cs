namespace PerfPipeline.Loading;

using PerfPipeline.Calendar;

/// <summary>What a monthly sweep did: each batch's outcome (null: another worker was loading it) and the late LAs.</summary>
public sealed record SweepResult(IReadOnlyList<LoadOutcome> Outcomes, Period DueMonth, IReadOnlyList<string> LateLaCodes)
{
    /// <summary>Batches the sweep loaded itself: ones whose trigger was missed or had failed before.</summary>
    public IEnumerable<LoadOutcome> Caught => Outcomes.Where(o => o.Kind == LoadOutcomeKind.Loaded);
}
