using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Bench.Baseline;

/// <summary>TechEmpower's fortune: an id and a message.</summary>
public sealed class Fortune
{
    public int Id { get; set; }
    public string Message { get; set; } = "";
}

/// <summary>
/// The baseline's own DbContext over the portal's database file: the Fortune table is made by the bench seeder with raw
/// SQL, so it is in no migration and the portal's model does not know it.
/// </summary>
public sealed class FortuneDbContext(DbContextOptions<FortuneDbContext> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Fortune>().ToTable(Seeding.BenchSeeder.FortuneTable);
}
