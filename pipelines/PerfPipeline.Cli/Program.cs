using PerfPipeline.Cli;

using Spectre.Console;

return await CommandLineApp.InvokeAsync(args, AnsiConsole.Console, TimeProvider.System);
