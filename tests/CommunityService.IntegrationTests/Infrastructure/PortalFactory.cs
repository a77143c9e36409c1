using System.Collections.Concurrent;
using CommunityService.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a real database, migrated and seeded with the demo data at start: a SQLite file, or a database of its own on
/// the PostgreSQL server the suite was given (<see cref="TestDatabase"/>). The seeded database is kept as a template and copied
/// back over the live one before each test (SQLite's online backup; PostgreSQL's CREATE DATABASE … TEMPLATE), so tests start
/// from the same data without restarting the host.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cs-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, HttpClient> signedIn = new();
    private readonly string databaseName = "cs_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The SQLite file (when the suite runs on SQLite).</summary>
    public string DatabasePath => Path.Combine(folder, "portal.db");

    /// <summary>The live database's connection string, on either provider.</summary>
    public string ConnectionString => TestDatabase.IsPostgres ? TestDatabase.Postgres(databaseName) : $"Data Source={DatabasePath}";

    private string TemplateName => databaseName + "_template";

    public SqlCommandCounter Commands { get; } = new();

    /// <summary>Data Protection's log from start-up on (the demo data's case files create the first key).</summary>
    public LogCapture DataProtectionLog { get; } = new();
    private string TemplatePath => Path.Combine(folder, "template.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        using var client = CreateAnonymousClient();
        (await client.GetAsync("/")).EnsureSuccessStatusCode();
        if (TestDatabase.IsPostgres)
        {
            await TestDatabase.CopyAsync(databaseName, TemplateName);
        }
        else
        {
            Copy(DatabasePath, TemplatePath);
        }
    }

    public async Task ResetAsync()
    {
        if (TestDatabase.IsPostgres)
        {
            await TestDatabase.CopyAsync(TemplateName, databaseName);
        }
        else
        {
            Copy(TemplatePath, DatabasePath);
        }
        await EvictPublicCacheAsync();
    }

    /// <summary>Forgets the cached public pages, as a change to a notice would: the next request runs its queries.</summary>
    public Task EvictPublicCacheAsync() =>
        Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()
            .EvictByTagAsync(CommunityService.Web.Shared.Mvc.PublicCache.NoticesTag, default).AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: the production cookie names and error pages are what the tests see.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:CommunityService", ConnectionString);
        builder.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
        if (TestDatabase.IsPostgres)
        {
            // On a server database correctness rests on the concurrency tokens alone: the race tests run without the in-process queue.
            builder.UseSetting(CommunityService.Web.Features.SignUps.SessionQueue.Setting, "false");
        }
        builder.UseSetting("Demo:Seed", "true");
        // Tests change data and read the dashboard at once; DashboardCacheTests turns its one-minute cache back on.
        builder.UseSetting("Dashboard:CacheSeconds", "0");
        // Some tests write answers straight into the database, past the responses' versions; SurveyResultsCacheTests turns it on.
        builder.UseSetting("Surveys:ResultsCacheMinutes", "0");
        // The tests sign in hundreds of times from one address; SignInRateLimitTests runs its own strict limit.
        builder.UseSetting("RateLimiting:SignInPerMinute", "100000");
        builder.ConfigureServices(services => services.ConfigureDbContext<CommunityServiceDbContext>(o => o.AddInterceptors(Commands)));
        builder.ConfigureLogging(logging => logging.AddProvider(DataProtectionLog)
            .AddFilter<LogCapture>(null, LogLevel.None)
            .AddFilter<LogCapture>("Microsoft.AspNetCore.DataProtection", LogLevel.Trace));
    }

    /// <summary>How many SQL commands one request runs.</summary>
    public async Task<(HttpResponseMessage Response, int Commands)> CountCommandsAsync(HttpClient client, string url)
    {
        Commands.Reset();
        var response = await client.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        return (response, Commands.Count);
    }

    public HttpClient CreateAnonymousClient() => AnonymousClient(this);

    /// <summary>
    /// A client as the tests use it — over HTTPS (the cookies are Secure), redirects not followed — for this portal or for one
    /// derived from it with <c>WithWebHostBuilder</c>; <paramref name="host"/> when a test needs another host name.
    /// </summary>
    public static HttpClient AnonymousClient(WebApplicationFactory<Program> app, string host = "localhost") => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri($"https://{host}"),
        HandleCookies = true,
    });

    /// <summary>A client signed in as one of the demo accounts; cookies survive resets since the users do.</summary>
    public async Task<HttpClient> ClientForAsync(string? userName)
    {
        if (userName is null)
        {
            return CreateAnonymousClient();
        }
        if (signedIn.TryGetValue(userName, out var existing))
        {
            return existing;
        }
        var client = CreateAnonymousClient();
        var response = await client.PostFormAsync("/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = "Demo@12345" });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }
        return signedIn.GetOrAdd(userName, client);
    }

    /// <summary>A further account, e.g. staff of one community, signed in and ready.</summary>
    public async Task<HttpClient> NewUserClientAsync(string userName, int? communityId, params string[] roles)
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.ApplicationUser>>();
            var user = new Data.Identity.ApplicationUser { UserName = userName, DisplayName = userName, CommunityId = communityId, CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, "Demo@12345");
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRolesAsync(user, roles);
        }
        var client = CreateAnonymousClient();
        await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = userName, ["Password"] = "Demo@12345" });
        return client;
    }

    /// <summary>
    /// What someone holding the database's storage would read: the SQLite file and its write-ahead log after a checkpoint, or on
    /// PostgreSQL every value of every row of every table as text, one per line (values only, as a file holds them).
    /// </summary>
    public async Task<byte[]> DatabaseContentAsync()
    {
        if (TestDatabase.IsPostgres)
        {
            var text = new System.Text.StringBuilder();
            await WithDbAsync(async db =>
            {
                foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
                {
                    // The table names come from the model, not from input.
                    var sql = "SELECT j.value AS \"Value\" FROM \"" + table + "\" t, json_each_text(row_to_json(t)) j WHERE j.value IS NOT NULL";
                    text.AppendJoin('\n', await db.Database.SqlQueryRaw<string>(sql).ToListAsync());
                }
            });
            return System.Text.Encoding.UTF8.GetBytes(text.ToString());
        }
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
        SqliteConnection.ClearAllPools();
        using var stream = new MemoryStream();
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.CopyTo(stream);
        }
        return stream.ToArray();
    }

    public async Task<T> WithDbAsync<T>(Func<CommunityServiceDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<CommunityServiceDbContext>());
    }

    public async Task WithDbAsync(Func<CommunityServiceDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<CommunityServiceDbContext>());
    }

    private static void Copy(string from, string to)
    {
        using var source = new SqliteConnection($"Data Source={from};Pooling=False");
        using var target = new SqliteConnection($"Data Source={to};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in signedIn.Values)
        {
            client.Dispose();
        }
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (TestDatabase.IsPostgres)
        {
            await TestDatabase.DropAsync(databaseName);
            await TestDatabase.DropAsync(TemplateName);
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown only leaves a temp folder behind.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "portal";
}

/// <summary>Every test in the collection starts from the seeded demo data.</summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTest(PortalFactory portal) : IAsyncLifetime
{
    protected PortalFactory Portal { get; } = portal;

    public Task InitializeAsync() => Portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
