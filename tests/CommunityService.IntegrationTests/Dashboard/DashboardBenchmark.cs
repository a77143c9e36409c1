using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Participation;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Dashboard;
using CommunityService.Web.Shared.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommunityService.IntegrationTests.Dashboard;

/// <summary>Runs only when DASHBOARD_BENCH=1 (scripts/bench-dashboard.sh): it takes a while to seed.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DASHBOARD_BENCH") != "1")
        {
            Skip = "A benchmark: run scripts/bench-dashboard.sh.";
        }
    }
}

/// <summary>
/// The demo database with 100,000 more service records (and ratings, sessions and sign-ups in proportion) over the last
/// twelve months, seeded through EF: the dashboard must answer with the same commands and quickly.
/// </summary>
public class DashboardBenchmark(PortalFactory portal, ITestOutputHelper output) : PortalTest(portal)
{
    private const int Records = 100_000;

    [BenchmarkFact]
    public async Task The_dashboard_stays_fast_with_a_hundred_thousand_service_records()
    {
        var manager = await Portal.ClientForAsync("manager");
        var (_, commandsBefore) = await Portal.CountCommandsAsync(manager, "/dashboard");
        var seeding = Stopwatch.StartNew();
        await SeedAsync();
        output.WriteLine($"Seeded {Records:N0} service records in {seeding.Elapsed.TotalSeconds:0.0} s.");

        var (first, commands) = await Portal.CountCommandsAsync(manager, "/dashboard");
        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        var times = new List<double>();
        foreach (var url in new[] { "/dashboard", "/dashboard", "/dashboard", "/dashboard?community=1", "/dashboard?category=Welfare", "/dashboard/export" })
        {
            var watch = Stopwatch.StartNew();
            var response = await manager.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url}: {(int)response.StatusCode} in {watch.Elapsed.TotalMilliseconds:0} ms"));
        }
        output.WriteLine($"SQL commands per page: {commandsBefore} before seeding, {commands} after.");
        await TimeEachCommandAsync();

        Assert.Equal(commandsBefore, commands);
        Assert.True(times.Max() < 5_000, "A dashboard request took over 5 seconds.");
    }

    /// <summary>Which of the dashboard's commands cost the time: each command's duration and the tables it reads.</summary>
    private async Task TimeEachCommandAsync()
    {
        var timer = new CommandTimer();
        var options = new DbContextOptionsBuilder<CommunityServiceDbContext>().UseSqlite($"Data Source={Portal.DatabasePath}").AddInterceptors(timer).Options;
        using var scope = Portal.Services.CreateScope();
        var time = scope.ServiceProvider.GetRequiredService<PortalTime>();
        var now = DateTime.UtcNow;
        await using var db = new CommunityServiceDbContext(options);
        var period = DashboardQuery.Resolve(new DashboardFilter(), time, now);
        await new DashboardQuery(db).RunAsync(period, now, default);
        timer.Timings.Clear();
        var watch = Stopwatch.StartNew();
        await new DashboardQuery(db).RunAsync(period, now, default);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DashboardQuery.RunAsync: {watch.Elapsed.TotalMilliseconds:0} ms"));
        foreach (var (sql, ms) in timer.Timings)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms,7:0.0} ms  {sql}"));
        }
    }

    private sealed class CommandTimer : DbCommandInterceptor
    {
        private long started;

        public List<(string Sql, double Ms)> Timings { get; } = [];

        // The dashboard's commands run one after another, so one start time is enough.
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            started = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            var from = string.Join(" ", command.CommandText.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("FROM", StringComparison.Ordinal) || l.StartsWith("GROUP BY", StringComparison.Ordinal)).Take(2));
            Timings.Add((from, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return result;
        }
    }

    private Task SeedAsync() => Portal.WithDbAsync(async db =>
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var projects = await db.Projects.Select(p => p.Id).ToListAsync();
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
        var raters = await db.Users.Select(u => u.Id).ToListAsync();
        var now = DateTime.UtcNow;
        var random = new Random(7);
        for (var batch = 0; batch < Records / 10_000; batch++)
        {
            var records = new List<ServiceRecord>();
            for (var i = 0; i < 10_000; i++)
            {
                // 20,000 people, each served again and again by one project (one in four times by a second one).
                var at = now.AddMinutes(-random.Next(1, 365 * 24 * 60));
                var person = random.Next(20_000);
                records.Add(new ServiceRecord
                {
                    ProjectId = projects[(person + (random.Next(4) == 0 ? 1 : 0)) % projects.Count], RecipientName = $"居民{person}", DeliveredAt = at, CreatedAt = at,
                    DeliveryMode = random.Next(3) == 0 ? DeliveryMode.AtHome : DeliveryMode.AtFacility, DurationMinutes = 15 + random.Next(120),
                    Description = "基准", RecordedById = staff,
                });
            }
            db.ServiceRecords.AddRange(records);
            await db.SaveChangesAsync();
            // A rating on one service in ten; a session with a waiting list per hundred.
            foreach (var record in records.Where((_, i) => i % 10 == 0))
            {
                db.Feedback.Add(new ServiceFeedback
                {
                    ProjectId = record.ProjectId, ServiceRecordId = record.Id, ResidentId = raters[random.Next(raters.Count)], Rating = 1 + random.Next(5), CreatedAt = record.DeliveredAt,
                });
            }
            foreach (var record in records.Where((_, i) => i % 100 == 0))
            {
                var session = new ServiceSession(20) { ProjectId = record.ProjectId, Title = "基准场次", StartsAt = record.DeliveredAt, EndsAt = record.DeliveredAt.AddHours(1), Place = "活动室", CreatedAt = record.DeliveredAt };
                db.Sessions.Add(session);
                db.SignUps.Add(new SignUp { Session = session, ProjectId = record.ProjectId, Name = "候补", Status = SignUpStatus.Waiting, CreatedAt = record.DeliveredAt });
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    });
}
