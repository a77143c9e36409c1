using System.Net;
using CommunityService.Data;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Over-posting: the real form, as its page fills it in, plus fields the form does not have (a stage, a status, an approval, who
/// created the row, another row's id). The post is accepted — so the test means something — and the protected columns are what
/// they were (or, for a submit, what the submit itself sets).
/// </summary>
public class OverPostingTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Past = "2001-02-03T04:05:06";

    public static TheoryData<string> Cases => new(Scenarios.Keys);

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["project edit"] = new("staff", "/projects/4/edit", "/projects/4/edit",
            ids => new() { ["Stage"] = "Closed", ["CreatedById"] = ids.Manager, ["CreatedAt"] = Past, ["Category"] = "Emergency", ["Id"] = "1" },
            Snap(db => db.Projects.Where(p => p.Id == 4 || p.Id == 1).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Stage, p.CreatedById, p.CreatedAt, p.Category }))),
        ["notice edit"] = new("staff", "/notices/3/edit", "/notices/3/edit",
            ids => new() { ["Status"] = "Withdrawn", ["PublishedAt"] = Past, ["WithdrawnAt"] = Past, ["ProjectId"] = "1", ["CreatedAt"] = Past },
            Snap(db => db.Notices.Where(n => n.Id == 3).Select(n => new { n.Status, n.PublishedAt, n.WithdrawnAt, n.ProjectId, n.CreatedAt }))),
        ["plan edit"] = new("staff", "/projects/4/plan/edit", "/projects/4/plan/edit", PlanExtras,
            Snap(db => db.Plans.Where(p => p.ProjectId == 4 || p.ProjectId == 1).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.ProjectId, p.Status, p.VersionNumber, p.SubmittedAt, p.ReviewedById, p.ReviewedAt, p.ReviewComment }))),
        // Submitting sets the status to submitted and the time: nothing else, and never an approval.
        ["plan submit"] = new("staff", "/projects/4/plan", "/projects/4/plan/submit", PlanExtras,
            Snap(db => db.Plans.Where(p => p.ProjectId == 4 || p.ProjectId == 1).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.ProjectId, p.VersionNumber, p.ReviewedById, p.ReviewedAt, p.ReviewComment })),
            db => db.Plans.Where(p => p.ProjectId == 4).Select(p => p.Status.ToString()).ToListAsync(), "Submitted"),
        ["expense edit"] = new("staff", "/expenses/{expense}/edit", "/expenses/{expense}/edit",
            ids => new() { ["RecordedById"] = ids.Manager, ["ProjectId"] = "3", ["CreatedAt"] = Past, ["Id"] = "999" },
            Snap(db => db.Expenses.OrderBy(e => e.Id).Select(e => new { e.Id, e.ProjectId, e.RecordedById, e.CreatedAt }))),
        ["admin user edit"] = new("admin", "/admin/users/{staff}/edit", "/admin/users/{staff}/edit",
            ids => new()
            {
                ["Id"] = ids.Manager, ["UserName"] = "hijacked", ["Password"] = "a brand new pass phrase", ["PasswordHash"] = "x",
                ["Email"] = "evil@example.org", ["EmailConfirmed"] = "true", ["CreatedAt"] = Past, ["LockoutEnd"] = "9999-01-01",
            },
            Snap(db => db.Users.Where(u => u.UserName == "staff" || u.UserName == "manager").OrderBy(u => u.UserName)
                .Select(u => new { u.Id, u.UserName, u.PasswordHash, u.Email, u.EmailConfirmed, u.CreatedAt, u.LockoutEnd }))),
        ["task status"] = new("staff", "/tasks", "/tasks/1/status",
            ids => new() { ["Title"] = "hijacked", ["Note"] = "hijacked", ["ResponsibleId"] = ids.Manager, ["CreatedById"] = ids.Manager, ["ProjectId"] = "1", ["DueOn"] = "2001-01-01" },
            Snap(db => db.Tasks.Where(t => t.Id == 1).Select(t => new { t.Title, t.Note, t.ResponsibleId, t.CreatedById, t.ProjectId, t.DueOn }))),
        ["case file edit"] = new("staff", "/cases/1/edit", "/cases/1/edit",
            // Status and reference are on the edit form; the worker is given at creation and changed only by a manager (its own post).
            ids => new() { ["ProjectId"] = "1", ["OpenedAt"] = Past, ["ClosedAt"] = Past, ["ClosingSummary"] = "x", ["WorkerId"] = ids.Manager, ["UserId"] = ids.Manager, ["Workers"] = ids.Manager },
            async db => [
                .. await db.CaseFiles.Where(c => c.Id == 1).Select(c => new { c.ProjectId, c.OpenedAt, c.ClosedAt, c.ProtectedClosingSummary }).ToListAsync(),
                string.Join(",", await db.CaseAssignments.Where(a => a.CaseFileId == 1).Select(a => a.UserId).OrderBy(u => u).ToListAsync()),
            ]),
        // Surveys and evaluations belong to another engineer this session: test only.
        ["survey edit"] = new("staff", "/surveys/1/edit", "/surveys/1/edit",
            ids => new() { ["Status"] = "Closed", ["CreatedById"] = ids.Manager, ["VersionNumber"] = "9", ["PreviousVersionId"] = "2", ["CreatedAt"] = Past },
            Snap(db => db.Surveys.Where(s => s.Id == 1).Select(s => new { s.Status, s.CreatedById, s.VersionNumber, s.PreviousVersionId, s.CreatedAt }))),
        ["evaluation edit"] = new("staff", "/evaluations/5/edit", "/evaluations/5/edit",
            ids => new()
            {
                ["Status"] = "Approved", ["ReviewedById"] = ids.Manager, ["ReviewedAt"] = Past, ["ReviewComment"] = "self-approved",
                ["SubmittedAt"] = Past, ["CorrectsReportId"] = "1", ["CreatedById"] = ids.Manager, ["ProjectId"] = "1", ["Timing"] = "Final",
            },
            Snap(db => db.Evaluations.Where(e => e.Id == 5).Select(e => new { e.Status, e.ReviewedById, e.ReviewedAt, e.ReviewComment, e.SubmittedAt, e.CorrectsReportId, e.CreatedById, e.ProjectId, e.Timing }))),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fields_that_are_not_on_the_form_change_nothing(string name)
    {
        var scenario = Scenarios[name];
        var ids = await Portal.WithDbAsync(async db => new Ids(
            await db.Users.Where(u => u.UserName == "manager").Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(),
            (await db.Expenses.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string Resolve(string url) => url.Replace("{staff}", ids.Staff, StringComparison.Ordinal).Replace("{expense}", ids.Expense, StringComparison.Ordinal);
        var before = await Portal.WithDbAsync(async db => Describe(await scenario.Protected(db)));

        var client = await Portal.ClientForAsync(scenario.User);
        var response = await client.SubmitFormAsync(Resolve(scenario.Page), Resolve(scenario.Action), scenario.Extras(ids));

        var body = await response.BodyAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK,
            $"{name}: the real form was not accepted ({(int)response.StatusCode}): {string.Join(" / ", XssProbe.Parse(body).QuerySelectorAll(".text-danger, .alert, .validation-summary-errors").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))}");
        Assert.Equal(before, await Portal.WithDbAsync(async db => Describe(await scenario.Protected(db))));
        if (scenario.Changed is not null)
        {
            Assert.Equal(scenario.Expected, Describe(await Portal.WithDbAsync(scenario.Changed)));
        }
    }

    private static Dictionary<string, string> PlanExtras(Ids ids) => new()
    {
        ["Status"] = "Approved", ["ReviewedById"] = ids.Manager, ["ReviewedAt"] = Past, ["ReviewComment"] = "self-approved",
        ["SubmittedAt"] = Past, ["VersionNumber"] = "9", ["ProjectId"] = "1", ["Id"] = "1",
    };

    private static string Describe<T>(List<T> rows) => string.Join(" | ", rows);

    private sealed record Ids(string Manager, string Staff, string Expense);

    private sealed record Scenario(
        string User, string Page, string Action, Func<Ids, Dictionary<string, string>> Extras,
        Func<CommunityServiceDbContext, Task<List<object>>> Protected,
        Func<CommunityServiceDbContext, Task<List<string>>>? Changed = null, string? Expected = null)
    ;

    private static Func<CommunityServiceDbContext, Task<List<object>>> Snap<T>(Func<CommunityServiceDbContext, IQueryable<T>> query) =>
        async db => [.. (await query(db).ToListAsync()).Cast<object>()];
}
