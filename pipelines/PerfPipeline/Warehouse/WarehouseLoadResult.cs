namespace PerfPipeline.Warehouse;

/// <summary>A load as committed, or as found when the batch had been loaded already.</summary>
public sealed record WarehouseLoadResult(LoadRecord Load, bool AlreadyLoaded, int IndicatorValues);
