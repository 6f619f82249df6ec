namespace PerfPipeline.Indicators.Measures;

/// <summary>Every measure of the catalogue, prepared once over one LA's case data.</summary>
internal static class MeasureSet
{
    public static IReadOnlyDictionary<string, IMeasure> Create(MeasureContext context)
    {
        var measures = EhcpMeasures.Create(context)
            .Concat(EarlyHelpMeasures.Create(context))
            .Concat(FrontDoorMeasures.Create(context))
            .Concat(ChildProtectionMeasures.Create(context))
            .Concat(ChildrenInCareMeasures.Create(context))
            .Concat(CareLeaverMeasures.Create(context))
            .Concat(MissingMeasures.Create(context))
            .Concat(WorkforceMeasures.Create(context))
            .ToDictionary(m => m.Code, m => m.Measure, StringComparer.Ordinal);
        return measures;
    }
}
