using System.Globalization;
using System.Net;
using CommunityService.Data.Cases;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Cases;

/// <summary>The assigned worker and managers at work on case files, and the audit trail every read and change leaves.</summary>
public class CaseWorkTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_assigned_worker_opens_the_file_and_the_opening_is_audited_with_who_when_which_and_what()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        var staffId = await CaseData.UserIdAsync(Portal, "staff");
        var before = DateTime.UtcNow.AddSeconds(-1);

        var response = await staff.GetAsync($"/cases/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("孙建华", html, StringComparison.Ordinal);
        Assert.Contains("腰椎手术后三个月", html, StringComparison.Ordinal);
        Assert.Contains("能扶栏杆下楼", html, StringComparison.Ordinal);
        var entry = Assert.Single(await CaseData.AuditOfAsync(Portal, staffId));
        Assert.Equal(("CaseOpened", "CaseFile", id.ToString(CultureInfo.InvariantCulture), "Succeeded", "李社工"),
            (entry.Action, entry.RecordType, entry.RecordId, entry.Result, entry.ActorName));
        Assert.InRange(entry.At, before, DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_manager_opens_any_file_and_sees_every_file_in_the_list()
    {
        var manager = await Portal.ClientForAsync("manager");

        var list = await (await manager.GetAsync("/cases")).BodyAsync();
        var file = await manager.GetAsync($"/cases/{await CaseData.IdAsync(Portal, CaseData.Second)}");

        Assert.Contains(CaseData.First, list, StringComparison.Ordinal);
        Assert.Contains(CaseData.Second, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("刘奶奶", await file.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_list_shows_only_my_files_without_their_confidential_text()
    {
        var project = await CaseData.ProjectAsync(Portal);
        var mine = await Portal.NewUserClientAsync("heping-staff", await CaseData.CommunityAsync(Portal, "和平社区"), "Staff");
        await mine.PostFormAsync($"/projects/{project}/cases/create", $"/projects/{project}/cases/create", new()
        {
            ["Reference"] = "HP-001", ["Subject"] = "吴阿婆", ["Assessment"] = "独居，行动不便。",
        });

        var html = await (await mine.GetAsync("/cases")).BodyAsync();
        var staffList = await (await (await Portal.ClientForAsync("staff")).GetAsync("/cases")).BodyAsync();

        Assert.Contains("HP-001", html, StringComparison.Ordinal);
        Assert.Contains("残疾人康复上门服务", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseData.First, html, StringComparison.Ordinal);
        Assert.DoesNotContain("吴阿婆", html, StringComparison.Ordinal);
        Assert.DoesNotContain("HP-001", staffList, StringComparison.Ordinal);
        Assert.Contains(CaseData.First, staffList, StringComparison.Ordinal);
        Assert.DoesNotContain("孙建华", staffList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_open_a_file_for_themselves_and_a_posted_worker_is_ignored()
    {
        var project = await CaseData.ProjectAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        var staffId = await CaseData.UserIdAsync(Portal, "staff");
        var managerId = await CaseData.UserIdAsync(Portal, "manager");

        var response = await staff.PostFormAsync($"/projects/{project}/cases/create", $"/projects/{project}/cases/create", new()
        {
            ["Reference"] = "2026-01", ["IsFamily"] = "true", ["Subject"] = "王家", ["Assessment"] = "父亲失业，孩子辍学。", ["Goals"] = "复学。",
            ["WorkerId"] = managerId, ["Status"] = "Closed",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = await Portal.WithDbAsync(db => db.CaseFiles.Include(c => c.Workers).SingleAsync(c => c.Reference == "2026-01"));
        Assert.Equal($"/cases/{file.Id}", response.RedirectPath());
        Assert.Equal([staffId], file.Workers.Select(w => w.UserId));
        Assert.Equal((CaseStatus.Open, true, project), (file.Status, file.IsFamily, file.ProjectId));
        var created = (await CaseData.AuditOfAsync(Portal, staffId)).Single(a => a.Action == "CaseCreated");
        Assert.Equal(file.Id.ToString(CultureInfo.InvariantCulture), created.RecordId);
    }

    [Fact]
    public async Task A_manager_names_the_worker_from_the_staff_of_the_projects_community()
    {
        var project = await CaseData.ProjectAsync(Portal);
        var manager = await Portal.ClientForAsync("manager");
        await Portal.NewUserClientAsync("yangguang-staff", await CaseData.CommunityAsync(Portal, "阳光社区"), "Staff");
        var elsewhere = await CaseData.UserIdAsync(Portal, "yangguang-staff");
        Dictionary<string, string> Form(string worker) => new() { ["Reference"] = "M-1", ["Subject"] = "赵叔叔", ["Assessment"] = "刚配轮椅。", ["WorkerId"] = worker };

        var none = await manager.PostFormAsync($"/projects/{project}/cases/create", $"/projects/{project}/cases/create", Form(""));
        var wrong = await manager.PostFormAsync($"/projects/{project}/cases/create", $"/projects/{project}/cases/create", Form(elsewhere));
        var right = await manager.PostFormAsync($"/projects/{project}/cases/create", $"/projects/{project}/cases/create", Form(await CaseData.UserIdAsync(Portal, "staff")));

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("赵叔叔", await wrong.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.CaseFiles.CountAsync(c => c.Reference == "M-1")));
    }

    [Fact]
    public async Task A_new_file_needs_a_reference_a_subject_and_an_assessment_and_keeps_the_input()
    {
        var project = await CaseData.ProjectAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");

        var response = await staff.PostFormAsync($"/projects/{project}/cases/create", $"/projects/{project}/cases/create", new() { ["Goals"] = "保留的目标" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("保留的目标", html, StringComparison.Ordinal);
        Assert.Contains("档案编号", html, StringComparison.Ordinal);
        Assert.Equal(2, await Portal.WithDbAsync(db => db.CaseFiles.CountAsync()));
    }

    [Fact]
    public async Task An_edit_saves_the_new_text_and_audits_which_fields_changed_but_not_their_content()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CaseData.IdAsync(Portal, CaseData.First);

        var response = await staff.SubmitFormAsync($"/cases/{id}/edit", $"/cases/{id}/edit", new() { ["Goals"] = "两个月内独立上下楼。", ["Plan"] = "康复师每周上门。" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await (await staff.GetAsync($"/cases/{id}")).BodyAsync();
        Assert.Contains("两个月内独立上下楼。", html, StringComparison.Ordinal);
        Assert.Contains("腰椎手术后三个月", html, StringComparison.Ordinal);
        var audit = await CaseData.AuditOfAsync(Portal, await CaseData.UserIdAsync(Portal, "staff"));
        Assert.Equal(["CaseOpened", "CaseChanged", "CaseOpened"], audit.Select(a => a.Action));
        Assert.Equal("edit", audit[0].Detail);
        Assert.Equal("Goals,Plan", audit[1].Detail);
        Assert.DoesNotContain(audit, a => a.Detail.Contains("上下楼", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_editor_of_the_same_version_gets_a_conflict_with_the_input_kept()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        var page = $"/cases/{id}/edit";
        var stale = await HttpForms.TokenFromAsync(manager, page);
        var version = await Portal.WithDbAsync(db => db.CaseFiles.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        await staff.SubmitFormAsync(page, page, new() { ["Goals"] = "先到的修改" });
        var second = await manager.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = stale, ["Reference"] = CaseData.First, ["Subject"] = "孙建华", ["Assessment"] = "后到的评估",
            ["Status"] = "Open", ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        }));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("后到的评估", await second.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("先到的修改", await (await staff.GetAsync($"/cases/{id}")).BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_notes_are_added_newest_first_and_audited()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CaseData.IdAsync(Portal, CaseData.First);

        var added = await staff.PostFormAsync($"/cases/{id}", $"/cases/{id}/notes", new() { ["Text"] = "今天电话随访，情绪好转。" });
        var empty = await staff.PostFormAsync($"/cases/{id}", $"/cases/{id}/notes", new() { ["Text"] = " " });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var html = await (await staff.GetAsync($"/cases/{id}")).BodyAsync();
        Assert.True(html.IndexOf("今天电话随访", StringComparison.Ordinal) < html.IndexOf("能扶栏杆下楼", StringComparison.Ordinal));
        Assert.Equal(3, await Portal.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.CaseFileId == id)));
        var audit = await CaseData.AuditOfAsync(Portal, await CaseData.UserIdAsync(Portal, "staff"));
        Assert.Single(audit, a => a.Action == "CaseNoteAdded" && a.Result == "Succeeded");
    }

    [Fact]
    public async Task A_file_is_closed_only_with_a_summary_takes_no_notes_then_and_can_be_reopened()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CaseData.IdAsync(Portal, CaseData.Second);

        var noSummary = await staff.SubmitFormAsync($"/cases/{id}", $"/cases/{id}/close");
        var byEdit = await staff.SubmitFormAsync($"/cases/{id}/edit", $"/cases/{id}/edit", new() { ["Status"] = "Closed" });
        var closed = await staff.SubmitFormAsync($"/cases/{id}", $"/cases/{id}/close", new() { ["ClosingSummary"] = "目标达成，转介志愿者长期陪伴。" });
        var note = await staff.PostFormAsync($"/cases/{id}", $"/cases/{id}/notes", new() { ["Text"] = "结案后的记录" });

        Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, note.StatusCode);
        var file = await Portal.WithDbAsync(db => db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CaseStatus.Closed, file.Status);
        Assert.NotNull(file.ClosedAt);
        Assert.Contains("目标达成", await (await staff.GetAsync($"/cases/{id}")).BodyAsync(), StringComparison.Ordinal);

        var reopened = await staff.SubmitFormAsync($"/cases/{id}/edit", $"/cases/{id}/edit", new() { ["Status"] = "Open" });

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(CaseStatus.Open, await Portal.WithDbAsync(db => db.CaseFiles.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        var actions = (await CaseData.AuditOfAsync(Portal, await CaseData.UserIdAsync(Portal, "staff"))).Where(a => a.Result == "Succeeded").Select(a => a.Action).ToList();
        Assert.Contains("CaseClosed", actions);
        Assert.Equal("Status", (await CaseData.AuditOfAsync(Portal, await CaseData.UserIdAsync(Portal, "staff"))).Last(a => a.Action == "CaseChanged").Detail);
    }

    [Fact]
    public async Task A_manager_assigns_and_unassigns_workers_but_never_the_last_one()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        var staffId = await CaseData.UserIdAsync(Portal, "staff");
        await Portal.NewUserClientAsync("helper-staff", null, "Staff");
        var helperId = await CaseData.UserIdAsync(Portal, "helper-staff");

        var last = await manager.PostFormAsync($"/cases/{id}", $"/cases/{id}/workers", new() { ["UserId"] = staffId, ["Remove"] = "true" });
        var assigned = await manager.PostFormAsync($"/cases/{id}", $"/cases/{id}/workers", new() { ["UserId"] = helperId });
        var removed = await manager.PostFormAsync($"/cases/{id}", $"/cases/{id}/workers", new() { ["UserId"] = staffId, ["Remove"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal([helperId], await Portal.WithDbAsync(db => db.CaseAssignments.Where(a => a.CaseFileId == id).Select(a => a.UserId).ToListAsync()));
        var audit = await CaseData.AuditOfAsync(Portal, await CaseData.UserIdAsync(Portal, "manager"));
        Assert.Contains(audit, a => a.Action == "CaseWorkerAssigned" && a.Detail == "helper-staff");
        Assert.Contains(audit, a => a.Action == "CaseWorkerRemoved" && a.Detail == "李社工");
    }

    [Fact]
    public async Task A_manager_cannot_assign_a_resident_or_staff_of_another_community()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        await Portal.NewUserClientAsync("yangguang-staff", await CaseData.CommunityAsync(Portal, "阳光社区"), "Staff");
        var before = await CaseData.SnapshotAsync(Portal);

        foreach (var user in new[] { "resident", "yangguang-staff", "admin" })
        {
            var response = await manager.PostFormAsync($"/cases/{id}", $"/cases/{id}/workers", new() { ["UserId"] = await CaseData.UserIdAsync(Portal, user) });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal(before, await CaseData.SnapshotAsync(Portal));
    }

    [Fact]
    public async Task The_export_is_the_whole_file_as_text_and_is_audited()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CaseData.IdAsync(Portal, CaseData.Second);

        var response = await staff.GetAsync($"/cases/{id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var text = await response.BodyAsync();
        Assert.StartsWith("保密", text, StringComparison.Ordinal);
        Assert.Contains("刘奶奶", text, StringComparison.Ordinal);
        Assert.Contains("卫生间无扶手", text, StringComparison.Ordinal);
        Assert.Contains("改造方已上门测量卫生间", text, StringComparison.Ordinal);
        var entry = Assert.Single(await CaseData.AuditOfAsync(Portal, await CaseData.UserIdAsync(Portal, "staff")));
        Assert.Equal(("CaseExported", id.ToString(CultureInfo.InvariantCulture), "Succeeded"), (entry.Action, entry.RecordId, entry.Result));
    }

    [Fact]
    public async Task Managers_read_the_audit_trail_newest_first_and_filter_it()
    {
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        var outsider = await Portal.NewUserClientAsync("nosy-staff", null, "Staff");
        await outsider.GetAsync($"/cases/{id}");
        await (await Portal.ClientForAsync("staff")).GetAsync($"/cases/{id}/export");
        var manager = await Portal.ClientForAsync("manager");

        var all = await manager.GetAsync("/audit");
        var denied = await (await manager.GetAsync("/audit?result=Denied")).BodyAsync();
        var byActor = await (await manager.GetAsync("/audit?actor=%E6%9D%8E%E7%A4%BE%E5%B7%A5&type=CaseFile")).BodyAsync();
        var tomorrow = await (await manager.GetAsync($"/audit?from={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}")).BodyAsync();

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var html = await all.BodyAsync();
        Assert.True(html.IndexOf("导出个案档案", StringComparison.Ordinal) < html.IndexOf("nosy-staff", StringComparison.Ordinal), "newest first");
        Assert.Contains("nosy-staff", denied, StringComparison.Ordinal);
        Assert.DoesNotContain("李社工", denied, StringComparison.Ordinal);
        Assert.Contains("李社工", byActor, StringComparison.Ordinal);
        Assert.DoesNotContain("nosy-staff", byActor, StringComparison.Ordinal);
        Assert.Contains("没有符合条件的审计记录。", tomorrow, StringComparison.Ordinal);
    }
}
