using Microsoft.Data.Sqlite;

namespace CommunityService.Web.Hosting;

/// <summary>
/// <c>--backup PATH</c>: a consistent copy of the SQLite database while the portal runs, through SQLite's online backup
/// API (one read transaction over the whole copy, so it is a snapshot of one moment; in WAL mode the portal keeps writing
/// meanwhile). The copy is written beside the target and moved into place only after <c>PRAGMA integrity_check</c> says
/// ok, so a failed backup never replaces a good one. For SQL Server, use the server's own BACKUP DATABASE; for PostgreSQL, pg_dump.
/// </summary>
public static class SqliteBackup
{
    public const string Argument = "--backup";

    public sealed record Result(string Destination, long Bytes, string IntegrityCheck)
    {
        public bool IsOk => IntegrityCheck == "ok";
    }

    public static bool IsAsked(string[] args) => args.Contains(Argument);

    /// <summary>Runs the command: logs what it did and sets the exit code (0 done, 1 refused or failed).</summary>
    public static void Run(WebApplicationBuilder builder, string[] args)
    {
        using var loggers = LoggerFactory.Create(b => b.AddConsole());
        var log = loggers.CreateLogger("CommunityService.Backup");
        var index = Array.IndexOf(args, Argument);
        var destination = index + 1 < args.Length ? args[index + 1] : "";
        if (string.IsNullOrWhiteSpace(destination) || destination.StartsWith("--", StringComparison.Ordinal))
        {
            log.LogError("Give the backup file: --backup /path/to/backup.db");
            Environment.ExitCode = 1;
            return;
        }
        if (DatabaseSetup.GetProvider(builder.Configuration) != DatabaseProvider.Sqlite)
        {
            log.LogError("--backup copies a SQLite database. For SQL Server use BACKUP DATABASE, for PostgreSQL pg_dump (docs/operations.md, Backups).");
            Environment.ExitCode = 1;
            return;
        }
        var source = DatabaseSetup.ResolveSqlite(
            builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName) ?? DatabaseSetup.DefaultSqlite,
            builder.Environment.ContentRootPath);
        var result = Backup(source, destination);
        if (result.IsOk)
        {
            log.LogInformation("Backed up {Source} to {Destination} ({Bytes} bytes); integrity check: ok.",
                new SqliteConnectionStringBuilder(source).DataSource, result.Destination, result.Bytes);
        }
        else
        {
            log.LogError("The copy failed its integrity check ({Check}); {Destination} was not written.", result.IntegrityCheck, result.Destination);
            Environment.ExitCode = 1;
        }
    }

    public static Result Backup(string sourceConnectionString, string destination)
    {
        var target = Path.GetFullPath(destination);
        if (Path.GetDirectoryName(target) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        string check;
        try
        {
            using (var source = new SqliteConnection(new SqliteConnectionStringBuilder(sourceConnectionString) { Pooling = false }.ToString()))
            using (var copy = new SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);
                using var command = copy.CreateCommand();
                // The copy stands alone: one file, no -wal beside it.
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                command.ExecuteNonQuery();
                command.CommandText = "PRAGMA integrity_check;";
                check = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }
            if (check != "ok")
            {
                return new Result(target, 0, check);
            }
            File.Move(partial, target, overwrite: true);
            return new Result(target, new FileInfo(target).Length, check);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
