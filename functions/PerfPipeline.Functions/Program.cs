using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

using PerfPipeline.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionsApp(builder.Configuration);
builder.Build().Run();
