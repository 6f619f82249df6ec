namespace PerfPipeline.Tests.Infra;

/// <summary>How a command exited and what it printed.</summary>
internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
