using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Cases;

/// <summary>
/// 保密: a case file is opened only by its assigned workers and managers. Everyone else signed in — staff of the street
/// office or of the project's own community who are not assigned, residents, volunteers, administrators — gets 404 on
/// every route of a case file, exactly as for a file that does not exist; nothing changes, and each attempt is audited.
/// </summary>
public class CaseConfidentialityTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Marker = "越权写入标记";

    public static TheoryData<string> Outsiders => ["office-staff", "heping-staff", "resident", "volunteer", "admin"];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Every_route_of_a_case_file_answers_not_found_to_someone_not_assigned_changes_nothing_and_is_audited(string who)
    {
        var client = await OutsiderAsync(who);
        var actorId = await CaseData.UserIdAsync(Portal, who);
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        var version = await Portal.WithDbAsync(db => db.CaseFiles.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var before = await CaseData.SnapshotAsync(Portal);
        var token = await HttpForms.TokenFromAsync(client, "/account/login");
        Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
            fields.Append(("__RequestVerificationToken", token)).ToDictionary(f => f.Item1, f => f.Item2);

        // Complete, valid forms: a missing check would change the file, not just fail validation.
        var attempts = new (string Method, string Url, Dictionary<string, string>? Fields)[]
        {
            ("GET", $"/cases/{id}", null),
            ("GET", $"/cases/{id}?page=2", null),
            ("GET", $"/cases/{id}/edit", null),
            ("GET", $"/cases/{id}/export", null),
            ("POST", $"/cases/{id}/edit", Form(("Reference", "2025-07"), ("Subject", Marker), ("Assessment", Marker), ("Goals", Marker),
                ("Plan", Marker), ("Status", "Open"), ("IsFamily", "true"), ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            ("POST", $"/cases/{id}/notes", Form(("Text", Marker))),
            ("POST", $"/cases/{id}/workers", Form(("UserId", actorId))),
            ("POST", $"/cases/{id}/workers", Form(("UserId", await CaseData.UserIdAsync(Portal, "staff")), ("Remove", "true"))),
            ("POST", $"/cases/{id}/close", Form(("ClosingSummary", Marker), ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        };
        foreach (var (method, url, fields) in attempts)
        {
            var response = method == "GET" ? await client.GetAsync(url) : await client.PostAsync(url, new FormUrlEncodedContent(fields!));

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} as {who}: {(int)response.StatusCode} {response.RedirectPath()}");
            Assert.DoesNotContain(Marker, await response.BodyAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("腰椎", await response.BodyAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CaseData.SnapshotAsync(Portal));
        var audit = await CaseData.AuditOfAsync(Portal, actorId);
        Assert.Equal(attempts.Length, audit.Count);
        Assert.All(audit, a => Assert.Equal(("CaseFile", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Denied"), (a.RecordType, a.RecordId, a.Result)));
        Assert.Equal(["CaseOpened", "CaseOpened", "CaseOpened", "CaseExported", "CaseChanged", "CaseNoteAdded", "CaseWorkerAssigned", "CaseWorkerRemoved", "CaseClosed"],
            audit.Select(a => a.Action));
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task The_case_list_never_shows_a_file_that_one_may_not_open(string who)
    {
        var client = await OutsiderAsync(who);

        var response = await client.GetAsync("/cases");

        if (who.EndsWith("staff", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.BodyAsync();
            Assert.DoesNotContain(CaseData.First, html, StringComparison.Ordinal);
            Assert.DoesNotContain(CaseData.Second, html, StringComparison.Ordinal);
            Assert.DoesNotContain("/cases/1\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(CaseData.IsAccessDenied(response), $"{who}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("volunteer")]
    [InlineData("admin")]
    public async Task Only_staff_and_managers_may_open_a_new_case_file(string who)
    {
        var client = await Portal.ClientForAsync(who);
        var project = await CaseData.ProjectAsync(Portal);
        var before = await CaseData.SnapshotAsync(Portal);

        var page = await client.GetAsync($"/projects/{project}/cases/create");
        var posted = await client.PostAsync($"/projects/{project}/cases/create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await HttpForms.TokenFromAsync(client, "/account/login"),
            ["Reference"] = "X-1", ["Subject"] = Marker, ["Assessment"] = Marker,
        }));

        Assert.True(CaseData.IsAccessDenied(page));
        Assert.True(CaseData.IsAccessDenied(posted));
        Assert.Equal(before, await CaseData.SnapshotAsync(Portal));
    }

    [Fact]
    public async Task A_refused_file_looks_exactly_like_one_that_does_not_exist()
    {
        var client = await OutsiderAsync("heping-staff");
        var id = await CaseData.IdAsync(Portal, CaseData.First);

        var refused = await client.GetAsync($"/cases/{id}");
        var missing = await client.GetAsync("/cases/99999");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(await CaseData.StableBodyAsync(missing), await CaseData.StableBodyAsync(refused));
        Assert.Equal(missing.Content.Headers.ContentLength, refused.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task An_assigned_worker_may_not_assign_workers_and_the_attempt_is_refused_and_audited()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        var other = await Portal.NewUserClientAsync("helper-staff", null, "Staff");
        var otherId = await CaseData.UserIdAsync(Portal, "helper-staff");
        var before = await CaseData.SnapshotAsync(Portal);

        var response = await staff.PostFormAsync($"/cases/{id}", $"/cases/{id}/workers", new() { ["UserId"] = otherId });

        Assert.True(CaseData.IsAccessDenied(response), $"{(int)response.StatusCode}");
        Assert.Equal(before, await CaseData.SnapshotAsync(Portal));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{id}")).StatusCode);
        var last = (await CaseData.AuditOfAsync(Portal, await CaseData.UserIdAsync(Portal, "staff"))).Last();
        Assert.Equal(("CaseWorkerAssigned", "Denied"), (last.Action, last.Result));
    }

    [Fact]
    public async Task A_worker_who_is_unassigned_loses_access_at_once_and_the_file_leaves_their_list()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await CaseData.IdAsync(Portal, CaseData.Second);
        var helper = await Portal.NewUserClientAsync("helper-staff", null, "Staff");
        var helperId = await CaseData.UserIdAsync(Portal, "helper-staff");

        await manager.PostFormAsync($"/cases/{id}", $"/cases/{id}/workers", new() { ["UserId"] = helperId });
        Assert.Equal(HttpStatusCode.OK, (await helper.GetAsync($"/cases/{id}")).StatusCode);
        Assert.Contains(CaseData.Second, await (await helper.GetAsync("/cases")).BodyAsync(), StringComparison.Ordinal);

        await manager.PostFormAsync($"/cases/{id}", $"/cases/{id}/workers", new() { ["UserId"] = helperId, ["Remove"] = "true" });

        Assert.Equal(HttpStatusCode.NotFound, (await helper.GetAsync($"/cases/{id}")).StatusCode);
        Assert.DoesNotContain(CaseData.Second, await (await helper.GetAsync("/cases")).BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_project_page_counts_only_the_files_the_reader_may_open()
    {
        var project = await CaseData.ProjectAsync(Portal);
        var outsider = await OutsiderAsync("heping-staff");

        var mine = await (await (await Portal.ClientForAsync("staff")).GetAsync($"/projects/{project}")).BodyAsync();
        var managers = await (await (await Portal.ClientForAsync("manager")).GetAsync($"/projects/{project}")).BodyAsync();
        var theirs = await (await outsider.GetAsync($"/projects/{project}")).BodyAsync();

        Assert.Contains("您可查阅的个案档案（2）", mine, StringComparison.Ordinal);
        Assert.Contains("您可查阅的个案档案（2）", managers, StringComparison.Ordinal);
        Assert.DoesNotContain("您可查阅的个案档案", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("/cases?project=", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_and_residents_cannot_read_the_audit_trail()
    {
        foreach (var who in new[] { "staff", "resident", "volunteer", "admin" })
        {
            Assert.True(CaseData.IsAccessDenied(await (await Portal.ClientForAsync(who)).GetAsync("/audit")), who);
        }
    }

    /// <summary>The demo accounts, or a fresh staff member: of the street office (no community) or of 和平社区, the project's own.</summary>
    private async Task<HttpClient> OutsiderAsync(string who) => who switch
    {
        "office-staff" => await Portal.NewUserClientAsync("office-staff", null, "Staff"),
        "heping-staff" => await Portal.NewUserClientAsync("heping-staff", await CaseData.CommunityAsync(Portal, "和平社区"), "Staff"),
        _ => await Portal.ClientForAsync(who),
    };
}
