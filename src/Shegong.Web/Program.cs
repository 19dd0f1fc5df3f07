using Shegong.Web;
using Shegong.Web.Components;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Operator;

// Leading words are operator verbs (migrate, seed demo, import regions <folder>); the rest is configuration.
var (verbs, options) = OperatorVerbs.Parse(args);
Startup.SettleWorkingDirectory(options);
var builder = WebApplication.CreateBuilder(options);

builder.Services.AddShegongDb();
builder.Services.AddShegongFeatures();
builder.Services.AddShegongAuth();
builder.Services.AddShegongApi();
builder.Services.AddShegongUi();

var app = builder.Build();

if (!verbs.IsEmpty)
{
    return await verbs.RunAsync(app.Services);
}

await DatabaseInitializer.PrepareAsync(app.Services, app.Configuration);

app.UseShegongPipeline();
app.MapShegongApi();
app.MapShegongUi();
app.AnnounceOnStart();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
