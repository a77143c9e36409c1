using System.Net;
using CommunityService.Data.Identity;
using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Bench.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Bench;

/// <summary>
/// The benchmark's seeder (scripts/bench.sh) at its tiny size on the test portal's real SQLite file, and what a normal
/// build leaves out: the fortunes baseline exists only in bench builds.
/// </summary>
public class BenchSeederTests(PortalFactory portal) : PortalTest(portal)
{
    private sealed record Counts(int Residents, int Profiles, int Projects, int Records, int SignUps, int Responses, int Surveys, int Communities);

    private Task<Counts> CountAsync() => Portal.WithDbAsync(async db =>
    {
        var residentRole = await db.Roles.Where(r => r.Name == Roles.Resident).Select(r => r.Id).SingleAsync();
        return new Counts(
            await db.UserRoles.CountAsync(r => r.RoleId == residentRole), await db.ResidentProfiles.CountAsync(), await db.Projects.CountAsync(),
            await db.ServiceRecords.CountAsync(), await db.SignUps.CountAsync(), await db.SurveyResponses.CountAsync(), await db.Surveys.CountAsync(),
            await db.Communities.CountAsync());
    });

    private async Task<BenchManifest> SeedTinyAsync(int seed)
    {
        using var scope = Portal.Services.CreateScope();
        var seeder = ActivatorUtilities.CreateInstance<BenchSeeder>(scope.ServiceProvider);
        return await seeder.SeedAsync(BenchSize.Tiny, seed, CancellationToken.None);
    }

    [Fact]
    public async Task The_tiny_size_adds_the_rows_it_promises_spread_over_communities_and_stages()
    {
        var size = BenchSize.Tiny;
        var before = await CountAsync();

        var manifest = await SeedTinyAsync(42);

        var after = await CountAsync();
        Assert.Equal(size.Residents, after.Residents - before.Residents);
        Assert.Equal(size.Projects, after.Projects - before.Projects);
        Assert.Equal(size.Records, after.Records - before.Records);
        Assert.Equal(size.Communities, after.Communities - before.Communities);
        Assert.Equal(size.Surveys + 1, after.Surveys - before.Surveys);
        // Profiles for six in ten residents, two sign-ups per resident, half a response per resident plus the big survey: roughly.
        Assert.InRange(after.Profiles - before.Profiles, size.Profiles * 7 / 10, size.Profiles * 13 / 10);
        Assert.InRange(after.SignUps - before.SignUps, size.SignUps / 3, size.SignUps * 2);
        Assert.InRange(after.Responses - before.Responses, size.BigSurveyResponses + size.Surveys * size.ResponsesPerSurvey * 9 / 10,
            size.BigSurveyResponses + size.Surveys * size.ResponsesPerSurvey);

        await Portal.WithDbAsync(async db =>
        {
            var bench = db.Projects.Where(p => p.Name.StartsWith(BenchSeeder.CommunityPrefix));
            // Exactly the running projects have a notice on the board; history dominates the rest.
            var running = await bench.CountAsync(p => p.Stage == ProjectStage.Publicity || p.Stage == ProjectStage.Execution);
            Assert.Equal(size.ActiveProjects, running);
            var stages = await bench.Select(p => p.Stage).Distinct().CountAsync();
            Assert.True(stages >= 4, $"Only {stages} stages.");
            var communities = await bench.Select(p => p.CommunityId).Distinct().CountAsync();
            Assert.True(communities >= size.Communities / 2, $"Only {communities} communities have projects.");
            var now = DateTime.UtcNow;
            var visible = await db.Notices.CountAsync(n => n.Project!.Name.StartsWith(BenchSeeder.CommunityPrefix) && n.Status == NoticeStatus.Published
                && (n.VisibleUntil == null || n.VisibleUntil > now));
            Assert.Equal(size.ActiveProjects, visible);

            // The big survey has its responses; every account shares the one password hash; places taken match the lists.
            Assert.Equal(size.BigSurveyResponses, await db.SurveyResponses.CountAsync(r => r.SurveyId == manifest.SurveyId));
            var hashes = await db.Users.Where(u => u.UserName!.StartsWith(BenchSeeder.ResidentPrefix)).Select(u => u.PasswordHash).Distinct().CountAsync();
            Assert.Equal(1, hashes);
            var mismatched = await db.Sessions.Where(s => s.Project!.Name.StartsWith(BenchSeeder.CommunityPrefix))
                .CountAsync(s => s.PlacesTaken != db.SignUps.Count(x => x.SessionId == s.Id && x.Status == SignUpStatus.Registered));
            Assert.Equal(0, mismatched);
            // The signers have no sign-ups of their own, so each benchmark sign-up is new.
            var signerIds = await db.Users.Where(u => manifest.Signers.Contains(u.UserName!)).Select(u => u.Id).ToListAsync();
            Assert.Equal(size.Signers, signerIds.Count);
            Assert.False(await db.SignUps.AnyAsync(s => signerIds.Contains(s.ResidentId!)));
            Assert.Equal(12, await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{BenchSeeder.FortuneTable}\"").SingleAsync());
        });
        Assert.NotEmpty(manifest.SignUpTargets);
        Assert.Equal(HttpStatusCode.OK, (await Portal.CreateAnonymousClient().GetAsync($"/notices/{manifest.NoticeId}")).StatusCode);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data()
    {
        await SeedTinyAsync(7);
        var first = await Portal.WithDbAsync(db => db.ServiceRecords.OrderByDescending(r => r.Id).Take(50)
            .Select(r => r.RecipientName + r.DurationMinutes + r.DeliveryMode).ToListAsync());
        await Portal.ResetAsync();

        await SeedTinyAsync(7);

        var second = await Portal.WithDbAsync(db => db.ServiceRecords.OrderByDescending(r => r.Id).Take(50)
            .Select(r => r.RecipientName + r.DurationMinutes + r.DeliveryMode).ToListAsync());
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_database_that_already_holds_benchmark_data_is_refused()
    {
        await SeedTinyAsync(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SeedTinyAsync(1));
    }

    [Fact]
    public async Task A_normal_build_has_no_fortunes_page_and_no_sql_count_header()
    {
        var response = await Portal.CreateAnonymousClient().GetAsync("/fortunes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Sql-Commands"));
        var routes = Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "");
        Assert.DoesNotContain(routes, r => r.Contains("fortunes", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(typeof(BenchSeeder).Assembly.GetTypes(), t => t.Namespace == "CommunityService.Web.Bench.Baseline");
    }
}
