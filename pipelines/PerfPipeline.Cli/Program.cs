using System.CommandLine;

using PerfPipeline.Cli;
using PerfPipeline.Cli.Commands;

var root = new RootCommand("PerfPipeline: children's services performance indicators from SSD extract batches.");

// Each command lives in Commands/ and is added here.
var context = CliContext.CreateDefault();
root.Subcommands.Add(ValidateCommand.Create(context));
root.Subcommands.Add(GenerateCommand.Create());

var parseResult = root.Parse(args);

// Exit codes (docs/spec/interfaces.md): 0 success, 1 rejected input or failed load, 2 usage error.
if (parseResult.Errors.Count > 0)
{
    foreach (var error in parseResult.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    return ExitCodes.Usage;
}

return await parseResult.InvokeAsync();
