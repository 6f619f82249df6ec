using PerfPipeline.Cli;

return await CommandLineApp.InvokeAsync(args, CliContext.CreateDefault());
