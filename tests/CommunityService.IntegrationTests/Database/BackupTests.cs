using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Database;

/// <summary>
/// The online backup (<c>--backup PATH</c>): taken while staff keep writing, it is a consistent snapshot that passes the
/// integrity check, and a portal started on the copy works.
/// </summary>
public class BackupTests(PortalFactory portal) : PortalTest(portal)
{
    [SqliteFact]
    public async Task A_backup_taken_while_staff_write_is_consistent_and_a_portal_restored_from_it_works()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cs-backup-{Guid.NewGuid():N}");
        var copy = Path.Combine(folder, "backup.db");
        var staff = await Portal.ClientForAsync("staff");
        var before = await Portal.WithDbAsync(db => db.ProgressReports.CountAsync());
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await staff.PostFormAsync("/projects/14/progress", "/projects/14/progress", new() { ["Text"] = $"备份期间的进展 {written}" });
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                written++;
            }
        });
        try
        {
            while (written < 3)
            {
                await Task.Delay(20);
            }
            var result = SqliteBackup.Backup($"Data Source={Portal.DatabasePath}", copy);
            while (written < 6)
            {
                await Task.Delay(20);
            }
            await stop.CancelAsync();
            await writer;

            Assert.True(result.IsOk, result.IntegrityCheck);
            Assert.False(File.Exists(copy + "-wal"));
            var inCopy = Count(copy, "SELECT COUNT(*) FROM ProgressReports");
            var after = await Portal.WithDbAsync(db => db.ProgressReports.CountAsync());
            Assert.InRange(inCopy, before + 3, after - 1);

            using var restored = Portal.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:CommunityService", $"Data Source={copy}"));
            var visitor = PortalFactory.AnonymousClient(restored);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/notices")).StatusCode);
            Assert.Equal("/projects", (await visitor.PostFormAsync("/account/login", "/account/login",
                new() { ["UserName"] = "staff", ["Password"] = "Demo@12345" })).RedirectPath());
            var page = await visitor.GetStringAsync("/projects/14/progress");
            Assert.Contains("备份期间的进展 0", page, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>About the copy only (the source is a file that is not there), so it runs on both providers' runs.</summary>
    [Fact]
    public void A_backup_never_replaces_the_target_with_a_broken_copy()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cs-backup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, "backup.db");
        File.WriteAllText(target, "the previous good backup");
        try
        {
            Assert.ThrowsAny<SqliteException>(() => SqliteBackup.Backup($"Data Source={Path.Combine(folder, "missing", "none.db")};Mode=ReadOnly", target));
            Assert.Equal("the previous good backup", File.ReadAllText(target));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long Count(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
