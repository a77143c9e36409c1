using System.Security.Cryptography;
using System.Text;
using CommunityService.Data;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Cases;
using CommunityService.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityService.IntegrationTests.Cases;

/// <summary>Case text is encrypted at rest, and so are the keys: a copy of the database alone reveals nothing.</summary>
public class CaseEncryptionTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Assessment = "评估密文检验-K9ZQ：右膝关节置换术后";
    private const string Note = "记录密文检验-M4XW：今日步行二十米";

    [Fact]
    public async Task Neither_the_database_file_nor_its_columns_hold_the_text_of_an_assessment_or_a_note()
    {
        var id = await CreateFileWithNoteAsync();
        var staff = await Portal.ClientForAsync("staff");
        var page = await (await staff.GetAsync($"/cases/{id}")).BodyAsync();
        Assert.Contains(Assessment, page, StringComparison.Ordinal);
        Assert.Contains(Note, page, StringComparison.Ordinal);

        var columns = await Portal.WithDbAsync(async db => string.Join("\n",
            await db.CaseFiles.Where(c => c.Id == id).Select(c => c.Reference + c.ProtectedSubject + c.ProtectedAssessment + c.ProtectedGoals + c.ProtectedPlan).SingleAsync(),
            string.Join("\n", await db.CaseNotes.Where(n => n.CaseFileId == id).Select(n => n.ProtectedText).ToListAsync())));
        var bytes = await Portal.DatabaseContentAsync();

        foreach (var secret in new[] { Assessment, Note, "K9ZQ", "M4XW", "钱阿姨" })
        {
            Assert.DoesNotContain(secret, columns, StringComparison.Ordinal);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
        // The test can fail: the reference, stored in plain text, is found the same way.
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("ENC-TEST-1")));
    }

    [Fact]
    public async Task The_key_ring_in_the_database_is_encrypted_with_the_certificate()
    {
        var keys = await Portal.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.Contains("X509Certificate", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_copy_of_the_database_without_the_certificate_cannot_read_a_note_and_with_it_can()
    {
        var id = await CreateFileWithNoteAsync();
        var cipher = await Portal.WithDbAsync(db => db.CaseNotes.Where(n => n.CaseFileId == id).Select(n => n.ProtectedText).SingleAsync());
        // A copy as a backup makes it: SQLite's online backup of the file, or on PostgreSQL a database made from this one.
        Action<DbContextOptionsBuilder> copy;
        Func<Task> dropCopy;
        if (TestDatabase.IsPostgres)
        {
            var name = $"cs_copy_{Guid.NewGuid():N}"[..24];
            await TestDatabase.CopyAsync(new NpgsqlConnectionStringBuilder(Portal.ConnectionString).Database!, name);
            copy = o => o.UseNpgsql(new NpgsqlConnectionStringBuilder(TestDatabase.Postgres(name)) { Pooling = false }.ToString());
            dropCopy = () => TestDatabase.DropAsync(name);
        }
        else
        {
            var file = Path.Combine(Path.GetDirectoryName(Portal.DatabasePath)!, $"copy-{Guid.NewGuid():N}.db");
            using (var source = new SqliteConnection($"Data Source={Portal.DatabasePath};Pooling=False"))
            using (var target = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                source.Open();
                target.Open();
                source.BackupDatabase(target);
            }
            copy = o => o.UseSqlite($"Data Source={file};Pooling=False");
            dropCopy = () =>
            {
                SqliteConnection.ClearAllPools();
                File.Delete(file);
                return Task.CompletedTask;
            };
        }
        var certificate = Portal.Services.GetRequiredService<KeyRingCertificates>().Current;

        Assert.ThrowsAny<CryptographicException>(() => ProtectorOver(copy, _ => { }).Unprotect(cipher));
        Assert.Equal(Note, ProtectorOver(copy, b => b.UnprotectKeysWithAnyCertificate(certificate)).Unprotect(cipher));
        await dropCopy();
    }

    [Fact]
    public void The_log_never_warns_that_keys_are_stored_unencrypted()
    {
        var log = Portal.DataProtectionLog.Entries;

        // The demo data's case files made the first key at start-up: Data Protection did log.
        Assert.Contains(log, e => e.Text.Contains("Creating key", StringComparison.Ordinal));
        Assert.DoesNotContain(log, e => e.Text.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(log, e => e.Level >= LogLevel.Warning);
    }

    private async Task<int> CreateFileWithNoteAsync()
    {
        var project = await CaseData.ProjectAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        await staff.PostFormAsync($"/projects/{project}/cases/create", $"/projects/{project}/cases/create", new()
        {
            ["Reference"] = "ENC-TEST-1", ["Subject"] = "钱阿姨", ["Assessment"] = Assessment, ["Goals"] = "K9ZQ", ["Plan"] = "M4XW",
        });
        var id = await Portal.WithDbAsync(db => db.CaseFiles.Where(c => c.Reference == "ENC-TEST-1").Select(c => c.Id).SingleAsync());
        await staff.PostFormAsync($"/cases/{id}", $"/cases/{id}/notes", new() { ["Text"] = Note });
        return id;
    }

    /// <summary>What someone with the database and the app's settings but not necessarily the certificate could build.</summary>
    private static IDataProtector ProtectorOver(Action<DbContextOptionsBuilder> database, Action<IDataProtectionBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddDbContext<CommunityServiceDbContext>(database);
        var builder = services.AddDataProtection().SetApplicationName("CommunityService").PersistKeysToDbContext<CommunityServiceDbContext>();
        configure(builder);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(CaseProtector.Purpose);
    }
}

/// <summary>Production brings its own certificate: without one the portal does not start.</summary>
public class KeyCertificateStartupTests
{
    [Fact]
    public void Production_without_a_certificate_does_not_start_and_says_what_to_set()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cs-tests", Guid.NewGuid().ToString("N"));
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:CommunityService", $"Data Source={Path.Combine(folder, "portal.db")}");
            b.UseSetting("Database:Provider", "Sqlite");
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("DataProtection:CertificatePath", messages, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, KeyRingProtection.GeneratedFileName)));
        Assert.False(File.Exists(Path.Combine(folder, "portal.db")));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
