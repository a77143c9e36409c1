using CommunityService.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "CommunityService";
    public const string SqliteMigrations = "CommunityService.Migrations.Sqlite";
    public const string SqlServerMigrations = "CommunityService.Migrations.SqlServer";
    public const string PostgreSqlMigrations = "CommunityService.Migrations.PostgreSql";
    public const string DefaultSqlite = "Data Source=data/communityservice.db";

    public static DatabaseProvider GetProvider(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static void AddCommunityServiceDatabase(this WebApplicationBuilder builder)
    {
        var provider = GetProvider(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (provider != DatabaseProvider.Sqlite)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException($"ConnectionStrings:CommunityService is required when Database:Provider is {provider}.");
            }
            // A server database takes concurrent writers: no write gate, as many instances as needed.
            builder.Services.AddDbContext<CommunityServiceDbContext>(o =>
            {
                if (provider == DatabaseProvider.SqlServer)
                {
                    o.UseSqlServer(connectionString, x => x.MigrationsAssembly(SqlServerMigrations));
                }
                else
                {
                    o.UseNpgsql(connectionString, x => x.MigrationsAssembly(PostgreSqlMigrations));
                }
            });
            return;
        }

        // SQLite takes one writer at a time: every save of this process queues in the write gate.
        var sqlite = ResolveSqlite(connectionString ?? DefaultSqlite, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddDbContext<CommunityServiceDbContext>(o => o.UseSqlite(sqlite, x => x.MigrationsAssembly(SqliteMigrations)));
    }

    /// <summary>
    /// Where files that belong with the database are kept (the development certificate of the Data Protection keys):
    /// the SQLite file's folder, or <c>data/</c> under the content root for SQL Server, PostgreSQL and in-memory databases.
    /// </summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot)
    {
        if (GetProvider(configuration) == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(
                ResolveSqlite(configuration.GetConnectionString(ConnectionStringName) ?? DefaultSqlite, contentRoot));
            if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(sqlite.DataSource) is { Length: > 0 } folder)
            {
                return folder;
            }
        }
        return Path.Combine(contentRoot, "data");
    }

    /// <summary>A relative SQLite path is taken from the content root; its folder is created on first run.</summary>
    public static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            }
            var folder = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        // Microsoft.Data.Sqlite retries a busy database until the command timeout: this is the busy timeout.
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = 30;
        }
        return builder.ToString();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityServiceDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await db.Database.MigrateAsync();
        }
    }
}
