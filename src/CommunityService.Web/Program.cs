using CommunityService.Web;
using CommunityService.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCommunityServicePortal();

var app = builder.Build();
app.UseCommunityServicePortal();
await app.PrepareDatabaseAsync();
if (await app.SeedIfAskedAsync(args))
{
    return;
}
await app.RunAsync();

public partial class Program;
