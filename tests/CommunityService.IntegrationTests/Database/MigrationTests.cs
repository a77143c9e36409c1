using CommunityService.Data;
using CommunityService.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunityService.IntegrationTests.Database;

/// <summary>The model and the three providers' migrations stay in step; no server needed for SQL Server or PostgreSQL.</summary>
public class MigrationTests
{
    private const string SqlServerConnection = "Server=localhost;Database=CommunityService;Integrated Security=true;TrustServerCertificate=true";

    private const string PostgreSqlConnection = "Host=localhost;Database=communityservice";

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"Run scripts/add-migration.sh: the {provider} migrations lag behind the model.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_model_change_without_a_migration_is_detected(DatabaseProvider provider)
    {
        using var db = Context(provider, o => o.ReplaceService<IModelCustomizer, ModelWithAnExtraColumn>());

        Assert.True(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_edited_entity_has_the_app_managed_concurrency_token_and_no_rowversion(DatabaseProvider provider)
    {
        using var db = Context(provider);

        var versioned = db.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)).ToList();

        Assert.Contains(versioned, e => e.ClrType == typeof(Data.Plans.ServicePlan));
        Assert.Contains(versioned, e => e.ClrType == typeof(Data.Surveys.Survey));
        Assert.All(versioned, e => Assert.True(e.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken, e.ClrType.Name));
        Assert.DoesNotContain(db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()), p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAddOrUpdate && p.IsConcurrencyToken);
    }

    [Fact]
    public void The_sql_server_idempotent_script_generates_without_a_server()
    {
        using var db = Context(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Projects]", script, StringComparison.Ordinal);
        Assert.Contains("[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        Assert.DoesNotContain("rowversion", script, StringComparison.OrdinalIgnoreCase);
        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "sqlserver-idempotent.sql"), script);
    }

    [Fact]
    public async Task Migrations_apply_to_a_fresh_sqlite_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cs-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Context(DatabaseProvider.Sqlite, connection: $"Data Source={file}"))
            {
                await db.Database.MigrateAsync();

                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                Assert.Equal(0, await db.Projects.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static CommunityServiceDbContext Context(
        DatabaseProvider provider, Action<DbContextOptionsBuilder>? configure = null, string connection = "Data Source=:memory:")
    {
        var options = new DbContextOptionsBuilder<CommunityServiceDbContext>();
        if (provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(connection, x => x.MigrationsAssembly(DatabaseSetup.SqliteMigrations));
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            options.UseSqlServer(SqlServerConnection, x => x.MigrationsAssembly(DatabaseSetup.SqlServerMigrations));
        }
        else
        {
            options.UseNpgsql(PostgreSqlConnection, x => x.MigrationsAssembly(DatabaseSetup.PostgreSqlMigrations));
        }
        configure?.Invoke(options);
        return new CommunityServiceDbContext(options.Options);
    }

    /// <summary>Stands for a developer adding a property and forgetting the migration.</summary>
    private sealed class ModelWithAnExtraColumn(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Data.Projects.ServiceProject>().Property<string>("ForgottenColumn").HasMaxLength(10);
        }
    }
}
