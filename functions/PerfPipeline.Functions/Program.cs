using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using PerfPipeline.Functions;
using PerfPipeline.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddTelemetry(builder.Configuration).AddPerfPipeline(builder.Configuration).AddHostedService<WarehouseSchemaCheck>();
builder.Build().Run();
