using CommunityService.Data.Auditing;
using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityService.IntegrationTests.Privacy;

/// <summary>Retention on a fake clock: years pass, and what has been kept too long is anonymized, once.</summary>
public class RetentionTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly DateTimeOffset Today = DateTimeOffset.UtcNow;

    private async Task<RetentionResult> RunAsync(DateTimeOffset at, RetentionOptions? settings = null)
    {
        using var scope = Portal.Services.CreateScope();
        var retention = ActivatorUtilities.CreateInstance<Retention>(scope.ServiceProvider, new FakeClock(at), Options.Create(settings ?? new RetentionOptions()));
        return await retention.ApplyAsync(default);
    }

    /// <summary>张阿姨 signed in a week before the fake "now": she stays; everyone else has been idle since the demo began.</summary>
    private Task KeepResidentActiveUntilAsync(DateTimeOffset at) => Portal.WithDbAsync(async db =>
    {
        var id = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = at.UtcDateTime.AddDays(-7), ActorId = id, ActorName = "张阿姨", Action = "SignedIn", RecordType = "Account", RecordId = "resident", Result = "Succeeded",
        });
        await db.SaveChangesAsync();
    });

    private Task<Dictionary<string, string>> NamesAsync() =>
        Portal.WithDbAsync(db => db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName + "|" + u.DisplayName));

    [Fact]
    public async Task Nothing_is_anonymized_before_the_limit()
    {
        var names = await NamesAsync();

        var result = await RunAsync(Today.AddYears(4), new RetentionOptions { RetentionYears = 5, ClosedProjectListDays = 0 });

        Assert.True(result.ChangedNothing);
        Assert.Equal(names, await NamesAsync());
    }

    [Fact]
    public async Task Residents_idle_past_the_limit_are_anonymized_and_active_ones_staff_and_managers_are_not()
    {
        var later = Today.AddYears(6);
        await KeepResidentActiveUntilAsync(later);
        var volunteer = await PrivacyData.UserIdAsync(Portal, "volunteer");
        var liu = await PrivacyData.UserIdAsync(Portal, "liujianguo");

        var result = await RunAsync(later);

        Assert.True(result.Residents > 0);
        var users = await Portal.WithDbAsync(db => db.Users.AsNoTracking().ToListAsync());
        Assert.Contains(users, u => u.UserName == "resident" && u.DisplayName == "张阿姨" && !u.IsDisabled);
        Assert.Contains(users, u => u.UserName == "staff" && u.DisplayName == "李社工");
        Assert.Contains(users, u => u.UserName == "manager");
        Assert.Contains(users, u => u.UserName == "admin");
        Assert.All(users.Where(u => u.Id == volunteer || u.Id == liu), u =>
        {
            Assert.Equal(ResidentAnonymizer.PlaceholderFor(u.Id), u.DisplayName);
            Assert.True(u.IsDisabled);
        });
        Assert.True(await Portal.WithDbAsync(db => db.ResidentProfiles.AnyAsync(p => p.FullName == "张阿姨")));
        Assert.False(await Portal.WithDbAsync(db => db.VolunteerProfiles.AnyAsync(p => p.UserId == volunteer)));
        Assert.Equal(result.Residents, await Portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "DataAnonymized" && a.ActorName == Retention.Actor && a.RecordType == "Resident")));
    }

    [Fact]
    public async Task The_dashboard_shows_the_same_figures_after_retention()
    {
        var later = Today.AddYears(6);
        var before = await PrivacyData.DashboardFiguresAsync(Portal);

        var result = await RunAsync(later);

        Assert.True(result.Residents > 0);
        Assert.Equal(before, await PrivacyData.DashboardFiguresAsync(Portal));
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        var later = Today.AddYears(6);
        await KeepResidentActiveUntilAsync(later);
        var first = await RunAsync(later);
        var names = await NamesAsync();
        var lists = await Portal.WithDbAsync(db => db.SignUps.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Name + "|" + s.Phone + "|" + s.Version).ToListAsync());

        var second = await RunAsync(later.AddDays(1));

        Assert.False(first.ChangedNothing);
        Assert.True(second.ChangedNothing);
        Assert.Equal(names, await NamesAsync());
        Assert.Equal(lists, await Portal.WithDbAsync(db => db.SignUps.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Name + "|" + s.Phone + "|" + s.Version).ToListAsync()));
    }

    [Fact]
    public async Task A_closed_projects_list_loses_the_names_and_phones_of_people_without_an_account_after_its_days()
    {
        var (closedSignUp, runningSignUp) = await Portal.WithDbAsync(async db =>
        {
            var closed = await db.Projects.Where(p => p.Stage == ProjectStage.Closed).OrderBy(p => p.Id).FirstAsync();
            var running = await db.Projects.Where(p => p.Stage == ProjectStage.Execution).OrderBy(p => p.Id).FirstAsync();
            var at = DateTime.UtcNow;
            var oldSession = new ServiceSession(10) { ProjectId = closed.Id, Title = "结项前最后一次", StartsAt = at.AddDays(-40), EndsAt = at.AddDays(-40).AddHours(1), CreatedAt = at };
            var newSession = new ServiceSession(10) { ProjectId = running.Id, Title = "下周", StartsAt = at.AddDays(7), EndsAt = at.AddDays(7).AddHours(1), CreatedAt = at };
            var a = new SignUp { Session = oldSession, ProjectId = closed.Id, Name = "钱大爷", Phone = "139 1111 2222", Note = "腿脚不便", Channel = SignUpChannel.Phone, CreatedAt = at };
            var b = new SignUp { Session = newSession, ProjectId = running.Id, Name = "周奶奶", Phone = "139 3333 4444", Channel = SignUpChannel.Phone, CreatedAt = at };
            db.SignUps.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var settings = new RetentionOptions { RetentionYears = 0, ClosedProjectListDays = 365 };

        var early = await RunAsync(Today.AddDays(30), settings);
        var late = await RunAsync(Today.AddYears(2), settings);

        Assert.Equal(0, early.SignUps);
        Assert.True(late.SignUps > 0);
        var rows = await Portal.WithDbAsync(db => db.SignUps.AsNoTracking().Where(s => s.Id == closedSignUp || s.Id == runningSignUp).ToDictionaryAsync(s => s.Id));
        Assert.Equal((Retention.ListPlaceholderPrefix + closedSignUp, "", ""), (rows[closedSignUp].Name, rows[closedSignUp].Phone, rows[closedSignUp].Note));
        Assert.Equal(("周奶奶", "139 3333 4444"), (rows[runningSignUp].Name, rows[runningSignUp].Phone));
        Assert.Equal(0, late.Residents);
    }
}
