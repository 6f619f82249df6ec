using Spectre.Console;

using PerfPipeline.Cli;

return await CommandLineApp.InvokeAsync(args, AnsiConsole.Console, TimeProvider.System);
