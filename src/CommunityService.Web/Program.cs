using CommunityService.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (SqliteBackup.IsAsked(args))
{
    SqliteBackup.Run(builder, args);
    return;
}
builder.AddCommunityServicePortal();

var app = builder.Build();
app.UseCommunityServicePortal();
await app.PrepareDatabaseAsync();
if (await app.RunCommandIfAskedAsync(args))
{
    return;
}
await app.RunAsync();

public partial class Program;
