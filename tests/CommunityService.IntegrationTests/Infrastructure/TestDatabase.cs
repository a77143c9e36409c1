using CommunityService.Web.Hosting;
using Npgsql;

namespace CommunityService.IntegrationTests.Infrastructure;

/// <summary>
/// The database the integration tests run on: SQLite files by default, or a PostgreSQL server when <c>CS_TEST_POSTGRES</c> holds
/// its connection string without a database (scripts/test.sh starts a throw-away cluster and runs the suite a second time with it).
/// Each <see cref="PortalFactory"/> then has a database of its own, copied from its template before each test.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "CS_TEST_POSTGRES";

    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    public static bool IsPostgres => PostgresServer is not null;

    public static DatabaseProvider Provider => IsPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

    /// <summary>The connection string of one database on the test server.</summary>
    public static string Postgres(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer ?? throw new InvalidOperationException($"{Variable} is not set.")) { Database = database }.ToString();

    /// <summary>Runs statements (CREATE or DROP DATABASE) on the server's maintenance database, outside any pool.</summary>
    public static async Task ExecuteAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(Postgres("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Makes <paramref name="target"/> a fresh copy of <paramref name="template"/>: PostgreSQL copies a database only while nobody is
    /// connected to it, so the app's idle pooled connections are closed first and any other session of the copy's source is ended.
    /// </summary>
    public static async Task CopyAsync(string template, string target)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ('{template}', '{target}') AND pid <> pg_backend_pid();
            """);
        await ExecuteAsync($"""DROP DATABASE IF EXISTS "{target}" WITH (FORCE)""");
        // FILE_COPY: copies the files at once, where the default (WAL_LOG, PostgreSQL 15) writes every block through the log.
        await ExecuteAsync($"""CREATE DATABASE "{target}" TEMPLATE "{template}" STRATEGY = FILE_COPY""");
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
    }
}

/// <summary>A fact about SQLite itself (its file, its backup, its write gate): skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: this fact is about the SQLite file.";
        }
    }
}
