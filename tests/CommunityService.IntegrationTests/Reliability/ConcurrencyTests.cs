using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.Data;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.IntegrationTests.Security;
using CommunityService.Web;
using CommunityService.Web.Shared.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CommunityService.IntegrationTests.Reliability;

/// <summary>
/// Two people open the same record's form; the first saves; the second, saving from the page they drew earlier, is told
/// of the clash (409), finds what they typed still in the form, and the first person's values stay in the database.
/// One row per edit form; one-button steps (approve, publish, check in) are a second table: the second press is refused
/// with a message, never a 500, and changes nothing.
/// </summary>
public class ConcurrencyTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>
    /// A form that edits a record. <see cref="Prepare"/> makes or finds the record and returns its id for "{id}" in the
    /// addresses; <see cref="Stored"/> reads the edited field back.
    /// </summary>
    public sealed record EditForm(
        Type Entity, string Role, string Page, string Action, string Field,
        Func<CommunityServiceDbContext, string, Task<string?>> Stored,
        Func<CommunityServiceDbContext, Task<string>>? Prepare = null, string Message = FormExtensions.ConflictMessage);

    /// <summary>
    /// A one-button step (or a form without free text): <see cref="State"/> is what the step changes; <see cref="Prepare"/>, when
    /// given, puts the record where the step may be taken (e.g. a session on today's date for a check-in).
    /// </summary>
    public sealed record Step(
        Type Entity, string Role, string Page, string Action,
        Func<CommunityServiceDbContext, Task<string>> State,
        Dictionary<string, string>? First = null, Dictionary<string, string>? Second = null,
        Func<CommunityServiceDbContext, Task>? Prepare = null);

    public static readonly Dictionary<string, EditForm> EditForms = new()
    {
        ["project"] = new(typeof(Data.Projects.ServiceProject), "staff", "/projects/4/edit", "/projects/4/edit", "Name",
            (db, _) => db.Projects.Where(p => p.Id == 4).Select(p => p.Name).SingleAsync()!),
        ["notice"] = new(typeof(Data.Publicity.Notice), "staff", "/notices/3/edit", "/notices/3/edit", "Title",
            (db, _) => db.Notices.Where(n => n.Id == 3).Select(n => n.Title).SingleAsync()!),
        ["plan"] = new(typeof(Data.Plans.ServicePlan), "staff", "/projects/4/plan/edit", "/projects/4/plan/edit", "Purpose",
            (db, _) => db.Plans.Where(p => p.ProjectId == 4).OrderByDescending(p => p.VersionNumber).Select(p => p.Purpose).FirstAsync()!,
            Message: Web.Features.Plans.PlansController.ConflictMessage),
        ["evaluation"] = new(typeof(Data.Evaluations.EvaluationReport), "staff", "/evaluations/5/edit", "/evaluations/5/edit", "Summary",
            (db, _) => db.Evaluations.Where(r => r.Id == 5).Select(r => r.Summary).SingleAsync()!),
        ["survey"] = new(typeof(Data.Surveys.Survey), "staff", "/surveys/1/edit", "/surveys/1/edit", "Title",
            (db, _) => db.Surveys.Where(s => s.Id == 1).Select(s => s.Title).SingleAsync()!),
        ["user"] = new(typeof(Data.Identity.ApplicationUser), "admin", "/admin/users/{id}/edit", "/admin/users/{id}/edit", "DisplayName",
            (db, id) => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()!,
            db => db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync()),
        ["community"] = new(typeof(Data.Communities.Community), "admin", "/admin/communities/1/edit", "/admin/communities/1/edit", "Description",
            (db, _) => db.Communities.Where(c => c.Id == 1).Select(c => c.Description).SingleAsync()!),
        ["service type"] = new(typeof(Data.Catalog.ServiceType), "admin", "/admin/service-types/1/edit", "/admin/service-types/1/edit", "Description",
            (db, _) => db.ServiceTypes.Where(t => t.Id == 1).Select(t => t.Description).SingleAsync()!),
        ["expense"] = new(typeof(Data.Money.Expense), "staff", "/expenses/{id}/edit", "/expenses/{id}/edit", "Description",
            (db, id) => db.Expenses.Where(e => e.Id == int.Parse(id)).Select(e => e.Description).SingleAsync()!,
            AddExpenseAsync),
        ["case file"] = new(typeof(Data.Cases.CaseFile), "staff", "/cases/1/edit", "/cases/1/edit", "Reference",
            (db, _) => db.CaseFiles.Where(c => c.Id == 1).Select(c => c.Reference).SingleAsync()!),
        ["volunteer profile"] = new(typeof(Data.Volunteers.VolunteerProfile), "volunteer", "/volunteer/profile", "/volunteer/profile", "Skills",
            (db, _) => db.VolunteerProfiles.Where(p => db.Users.Any(u => u.Id == p.UserId && u.UserName == "volunteer")).Select(p => p.Skills).SingleAsync()!),
        ["resident profile"] = new(typeof(Data.Residents.ResidentProfile), "resident", "/me/profile", "/me/profile", "Household",
            async (db, _) => (await db.ResidentProfiles.SingleAsync(p => db.Users.Any(u => u.Id == p.UserId && u.UserName == "resident"))).Household),
        ["shift confirmation"] = new(typeof(Data.Volunteers.Shift), "staff", "/projects/8/shifts", "/shifts/3/confirm", "Note",
            (db, _) => db.Shifts.Where(s => s.Id == 3).Select(s => s.Note).SingleAsync()!),
        ["home visit decline"] = new(typeof(Data.Participation.HomeVisitRequest), "staff", "/home-visits/2", "/home-visits/2/decline", "Reason",
            (db, _) => db.HomeVisitRequests.Where(r => r.Id == 2).Select(r => r.DeclineReason).SingleAsync()!),
    };

    public static readonly Dictionary<string, Step> Steps = new()
    {
        ["plan approval"] = new(typeof(Data.Plans.ServicePlan), "manager", "/projects/12/plan", "/projects/12/plan/review",
            db => db.Plans.Where(p => p.ProjectId == 12).OrderByDescending(p => p.VersionNumber).Select(p => $"{p.Status} {p.ReviewComment}").FirstAsync(),
            new() { ["Outcome"] = "Approve", ["Comment"] = "同意" }, new() { ["Outcome"] = "Return", ["Comment"] = "请补充预算" }),
        ["evaluation review"] = new(typeof(Data.Evaluations.EvaluationReport), "manager", "/evaluations/2", "/evaluations/2/review",
            db => db.Evaluations.Where(r => r.Id == 2).Select(r => $"{r.Status} {r.ReviewComment}").SingleAsync(),
            new() { ["Outcome"] = "Approve", ["Comment"] = "同意" }, new() { ["Outcome"] = "Return", ["Comment"] = "请补充" }),
        ["notice withdrawal"] = new(typeof(Data.Publicity.Notice), "staff", "/notices/1/manage", "/notices/1/withdraw",
            db => db.Notices.Where(n => n.Id == 1).Select(n => $"{n.Status} {n.WithdrawnAt:O}").SingleAsync()),
        ["sign-up confirmation"] = new(typeof(Data.Participation.SignUp), "staff", "/sessions/1", "/signups/2/confirm",
            db => db.SignUps.Where(s => s.Id == 2).Select(s => $"{s.Status} {s.ConfirmedAt:O}").SingleAsync()),
        ["check-in"] = new(typeof(Data.Participation.SignUp), "staff", "/sessions/2/check-in", "/signups/5/check-in",
            db => db.SignUps.Where(s => s.Id == 5).Select(s => $"{s.CheckedInAt:O}").SingleAsync(),
            Prepare: async db =>
            {
                // Check-in is open on the session's day only: the session moves to now.
                var session = await db.Sessions.SingleAsync(s => s.Id == 2);
                (session.StartsAt, session.EndsAt) = (DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddHours(1));
                await db.SaveChangesAsync();
            }),
        ["places"] = new(typeof(Data.Participation.ServiceSession), "staff", "/sessions/2", "/sessions/2/capacity",
            db => db.Sessions.Where(s => s.Id == 2).Select(s => $"{s.Capacity}").SingleAsync(),
            new() { ["Capacity"] = "40" }, new() { ["Capacity"] = "35" }),
        ["home visit acceptance"] = new(typeof(Data.Participation.HomeVisitRequest), "staff", "/home-visits/2", "/home-visits/2/accept",
            db => db.HomeVisitRequests.Where(r => r.Id == 2).Select(r => $"{r.Status}").SingleAsync()),
        ["task status"] = new(typeof(Data.Execution.ProjectTask), "staff", "/projects/2/tasks", "/tasks/1/status",
            db => db.Tasks.Where(t => t.Id == 1).Select(t => $"{t.Status}").SingleAsync(),
            new() { ["Status"] = "Done" }, new() { ["Status"] = "Blocked" }),
        ["volunteer's hours"] = new(typeof(Data.Volunteers.Shift), "volunteer", "/volunteer", "/volunteer/shifts/4/log",
            db => db.Shifts.Where(s => s.Id == 4).Select(s => $"{s.Status} {s.LoggedMinutes}").SingleAsync(),
            new() { ["Minutes"] = "120" }, new() { ["Minutes"] = "90" }),
        ["need set aside"] = new(typeof(Data.Needs.NeedFinding), "staff", "/needs?status=Open", "/needs/3/set-aside",
            db => db.Needs.Where(n => n.Id == 3).Select(n => $"{n.Status} {n.SetAsideReason}").SingleAsync(),
            new() { ["Reason"] = "已由街道统一安排" }, new() { ["Reason"] = "居民已搬走" }),
        ["survey closing"] = new(typeof(Data.Surveys.Survey), "staff", "/surveys/2", "/surveys/2/close",
            db => db.Surveys.Where(s => s.Id == 2).Select(s => $"{s.Status}").SingleAsync()),
    };

    /// <summary>
    /// Versioned records no form of the portal lets two people edit, and why; each test of the tables above covers the rest.
    /// </summary>
    public static readonly Dictionary<Type, string> NotEditedByTwo = new()
    {
        [typeof(Data.Communities.StreetOffice)] = "no page edits a street office (seeded reference data)",
        [typeof(Data.Execution.ServiceRecord)] = "service records are only added, never edited",
        [typeof(Data.Surveys.FieldNote)] = "field notes are only added, never edited",
        [typeof(Data.Surveys.SurveyResponse)] = "responses are only added, never edited",
        [typeof(Data.Decisions.ProjectOpinion)] = "an online opinion is only ever changed by the representative who gave it (their latest word counts); meeting opinions are only added",
        [typeof(Data.Privacy.PrivacyRequest)] = "covered by PrivacyRequestTests.Staff_answering_a_request_someone_else_answered_meanwhile_get_a_conflict_with_their_input_kept (needs a resident's open request)",
        [typeof(Data.Execution.PlanAdjustment)] = "covered by AdjustmentTests.Acting_on_an_adjustment_someone_changed_meanwhile_is_a_conflict_that_keeps_the_comment (needs a started adjustment)",
    };

    public static TheoryData<string> EditFormNames => [.. EditForms.Keys];

    public static TheoryData<string> StepNames => [.. Steps.Keys];

    [Theory]
    [MemberData(nameof(EditFormNames))]
    public async Task The_second_of_two_editors_gets_a_conflict_with_their_input_kept_and_the_first_save_stays(string name)
    {
        var form = EditForms[name];
        var client = await Portal.ClientForAsync(form.Role);
        var id = form.Prepare is null ? "" : await Portal.WithDbAsync(form.Prepare);
        var page = form.Page.Replace("{id}", id, StringComparison.Ordinal);
        var action = form.Action.Replace("{id}", id, StringComparison.Ordinal);
        var first = await OpenedForm.OpenAsync(client, page, action);
        var second = await OpenedForm.OpenAsync(client, page, action);
        Assert.NotNull(first["Version"] ?? first["version"]);

        var saved = await first.SubmitAsync(new() { [form.Field] = "先保存的内容" });
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{name}: the first save answered {(int)saved.StatusCode}");
        Assert.Equal("先保存的内容", await Portal.WithDbAsync(db => form.Stored(db, id)));

        var clash = await second.SubmitAsync(new() { [form.Field] = "后保存的内容" });

        var html = await clash.BodyAsync();
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains(Chinese(form.Message), html, StringComparison.Ordinal);
        Assert.Equal("后保存的内容", FieldValue(html, action, form.Field));
        Assert.Equal("先保存的内容", await Portal.WithDbAsync(db => form.Stored(db, id)));
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task The_second_of_two_people_taking_the_same_step_is_refused_with_a_message_and_changes_nothing(string name)
    {
        var step = Steps[name];
        if (step.Prepare is not null)
        {
            await Portal.WithDbAsync(step.Prepare);
        }
        var client = await Portal.ClientForAsync(step.Role);
        var first = await OpenedForm.OpenAsync(client, step.Page, step.Action);
        var second = await OpenedForm.OpenAsync(client, step.Page, step.Action);
        var before = await Portal.WithDbAsync(step.State);

        var done = await first.SubmitAsync(step.First);
        Assert.True(done.StatusCode is HttpStatusCode.Redirect, $"{name}: the first press answered {(int)done.StatusCode}");
        var after = await Portal.WithDbAsync(step.State);
        Assert.NotEqual(before, after);

        var again = await second.SubmitAsync(step.Second ?? step.First);

        Assert.True(again.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"{name}: the second press answered {(int)again.StatusCode}");
        var alert = new HtmlParser().ParseDocument(await again.BodyAsync()).QuerySelectorAll("[role=alert]").Select(a => a.TextContent.Trim());
        Assert.Contains(alert, text => text.Length > 0);
        Assert.Equal(after, await Portal.WithDbAsync(step.State));
    }

    [Fact]
    public void Every_versioned_record_has_a_clash_test_or_a_reason_why_not()
    {
        var versioned = typeof(IVersioned).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IVersioned).IsAssignableFrom(t));
        var covered = EditForms.Values.Select(f => f.Entity).Concat(Steps.Values.Select(s => s.Entity)).Concat(NotEditedByTwo.Keys).ToHashSet();

        Assert.Empty(versioned.Where(t => !covered.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void Every_row_names_a_post_endpoint_of_the_role_matrix()
    {
        var posts = RoleMatrix.Rows.Where(r => r.Method == "POST").Select(r => Shape(r.Sample)).ToHashSet();
        var unknown = EditForms.Values.Select(f => f.Action).Concat(Steps.Values.Select(s => s.Action)).Where(a => !posts.Contains(Shape(a))).ToList();

        Assert.Empty(unknown);
    }

    /// <summary>An address with its numbers and placeholders blanked: "/tasks/1/status" and "/tasks/{id}/status" are the same endpoint.</summary>
    private static string Shape(string address) =>
        System.Text.RegularExpressions.Regex.Replace(address.Split('?')[0], @"/(\d+|\{[^}]+\})(?=/|$)", "/#");

    /// <summary>A message as the pages show it: in Chinese, the portal's default language.</summary>
    private string Chinese(string key)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new("zh-CN");
        try
        {
            return Portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key].Value;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string? FieldValue(string html, string action, string field)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action);
        return form?.QuerySelector($"[name='{field}']") switch
        {
            AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
            AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
            _ => null,
        };
    }

    private static async Task<string> AddExpenseAsync(CommunityServiceDbContext db)
    {
        var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
        var expense = new Data.Money.Expense
        {
            ProjectId = 2, BudgetItem = "物资与耗材", Source = Data.Plans.FundingSource.StateFunding, Amount = 120m,
            SpentOn = DateOnly.FromDateTime(DateTime.UtcNow), Description = "康复器材", RecordedById = staffId, CreatedAt = DateTime.UtcNow,
        };
        db.Add(expense);
        await db.SaveChangesAsync();
        return $"{expense.Id}";
    }
}
