namespace PerfPipeline.Cli;

/// <summary>Exit codes of every command (<c>docs/spec/interfaces.md</c>).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Rejected input or a failed load.</summary>
    public const int Rejected = 1;

    public const int Usage = 2;
}
