namespace PerfPipeline.Warehouse;

using PerfPipeline.CaseData;
using PerfPipeline.Indicators;

/// <summary>Computes the indicator values a load stores, from the LA's case data as the load leaves it.</summary>
public delegate IReadOnlyList<IndicatorValue> ComputeIndicators(LaCaseData caseData);
