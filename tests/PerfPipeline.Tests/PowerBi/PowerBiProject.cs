namespace PerfPipeline.Tests.PowerBi;

/// <summary>Where the Power BI project lives in the repository.</summary>
internal static class PowerBiProject
{
    public static string Root => RepositoryRoot.File("powerbi");

    public static string ProjectFile => Path.Combine(Root, "PerfDashboard.pbip");

    public static string SemanticModel => Path.Combine(Root, "PerfDashboard.SemanticModel");

    public static string ModelDefinition => Path.Combine(SemanticModel, "definition");

    public static string Report => Path.Combine(Root, "PerfDashboard.Report");

    public static string ReportDefinition => Path.Combine(Report, "definition");

    public static string Schemas => Path.Combine(Root, "schemas");
}
