namespace PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>A DAX measure and, where it has one, its dynamic format string expression.</summary>
internal sealed record ModelMeasure(string Table, string Name, string Expression, string? FormatStringExpression);
