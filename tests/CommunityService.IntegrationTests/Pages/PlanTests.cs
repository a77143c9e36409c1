using System.Net;
using CommunityService.Data.Plans;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pages;

public class PlanTests(PortalFactory portal) : PortalTest(portal)
{
    private static Dictionary<string, string> FullPlan(string feeTier = "Paid", string fee = "200", string justification = "") => new()
    {
        ["Purpose"] = "培养本社区家政服务人员", ["StartDate"] = "2027-03-01", ["EndDate"] = "2027-04-30", ["SessionPattern"] = "每周六上午",
        ["Place"] = "阳光社区培训教室", ["FeeTier"] = feeTier, ["FeeAmount"] = fee, ["FeeJustification"] = justification,
        ["DeliveryMode"] = "AtFacility", ["Capacity"] = "30", ["Materials"] = "教材、清洁用具",
        ["Tasks[0]"] = "招募学员", ["Tasks[1]"] = "开展 8 次培训", ["Tasks[2]"] = "组织考核发证",
        ["Objectives[0].Indicator"] = "完成培训并取得证书", ["Objectives[0].TargetValue"] = "50", ["Objectives[0].Unit"] = "人", ["Objectives[0].MeasuredBy"] = "Manual",
        ["Beneficiaries[0].Group"] = "AllResidents", ["Beneficiaries[0].ExpectedNumber"] = "50",
        ["Budget[0].Item"] = "培训讲师费", ["Budget[0].Amount"] = "4800.50", ["Budget[0].Source"] = "StateFunding",
        ["Budget[1].Item"] = "教材印制", ["Budget[1].Amount"] = "1200", ["Budget[1].Source"] = "PaidServiceIncome",
        ["Budget[2].Item"] = "清洁用具", ["Budget[2].Amount"] = "999.50", ["Budget[2].Source"] = "StateFunding",
        ["Venues[0].Name"] = "阳光小学多功能厅", ["Venues[0].Owner"] = "StationedUnit", ["Venues[0].UnitName"] = "阳光小学",
        ["Staff[0].Role"] = "培训讲师", ["Staff[0].Count"] = "2", ["Staff[1].Role"] = "助教", ["Staff[1].Count"] = "3", ["Staff[1].IsVolunteer"] = "true",
        ["UsesGroupWork"] = "true", ["MethodsDescription"] = "理论讲解加实操练习",
    };

    [Fact]
    public async Task Staff_write_a_full_plan_and_the_page_shows_every_section_and_budget_totals()
    {
        var staff = await Portal.ClientForAsync("staff");
        var (id, version) = await PlanOfAsync("家政服务培训");

        var saved = await staff.PostFormAsync($"/projects/{id}/plan/edit", $"/projects/{id}/plan/edit", new(FullPlan()) { ["Version"] = $"{version}" });

        Assert.Equal($"/projects/{id}/plan", saved.RedirectPath());
        var plan = await Portal.WithDbAsync(db => db.Plans.Include(p => p.BudgetLines).Include(p => p.Tasks).Include(p => p.StaffRoles).Include(p => p.Venues)
            .SingleAsync(p => p.ProjectId == id));
        Assert.Equal(7000m, plan.Budget.Total);
        Assert.Equal(5800m, plan.Budget.BySource[FundingSource.StateFunding]);
        Assert.Equal(["招募学员", "开展 8 次培训", "组织考核发证"], plan.Tasks.OrderBy(t => t.Order).Select(t => t.Text));
        Assert.Equal(("阳光小学", 2), (plan.Venues.Single().UnitName, plan.StaffRoles.Count));
        var html = await staff.GetStringAsync($"/projects/{id}/plan");
        Assert.Contains("¥7000.00", html, StringComparison.Ordinal);
        Assert.Contains("¥5800.00", html, StringComparison.Ordinal);
        Assert.Contains("助教 × 3 （志愿者）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_whose_fee_departs_from_the_suggestion_is_submitted_only_with_a_justification()
    {
        var staff = await Portal.ClientForAsync("staff");
        var (id, version) = await PlanOfAsync("家政服务培训");
        await staff.PostFormAsync($"/projects/{id}/plan/edit", $"/projects/{id}/plan/edit", new(FullPlan("Free", "0")) { ["Version"] = $"{version}" });

        var refused = await staff.PostFormAsync($"/projects/{id}/plan", $"/projects/{id}/plan/submit", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("收费方式与建议不一致，请写明理由。", await refused.BodyAsync(), StringComparison.Ordinal);

        var (_, current) = await PlanOfAsync("家政服务培训");
        await staff.PostFormAsync($"/projects/{id}/plan/edit", $"/projects/{id}/plan/edit", new(FullPlan("Free", "0", "街道补贴，学员免费")) { ["Version"] = $"{current}" });
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/projects/{id}/plan", $"/projects/{id}/plan/submit", [])).StatusCode);

        var manager = await Portal.ClientForAsync("manager");
        var page = await manager.GetStringAsync($"/projects/{id}/plan");
        Assert.Contains("与该类别和服务对象建议的收费方式", page, StringComparison.Ordinal);
        Assert.Contains("街道补贴，学员免费", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_another_community_cannot_edit_the_plan_but_a_manager_can_open_it()
    {
        var yangguang = await Portal.WithDbAsync(db => db.Communities.Where(c => c.Name == "阳光社区").Select(c => c.Id).SingleAsync());
        var staff = await Portal.NewUserClientAsync("yangguang.staff", yangguang, "Staff");
        var manager = await Portal.ClientForAsync("manager");
        var (id, _) = await PlanOfAsync("独居老人关爱探访");

        Assert.StartsWith("/account/access-denied", (await staff.GetAsync($"/projects/{id}/plan/edit")).RedirectPath(), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", (await staff.PostFormAsync($"/projects/{id}/plan", $"/projects/{id}/plan/submit", [])).RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/projects/{id}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync($"/projects/{id}/plan/edit")).StatusCode);
    }

    [Fact]
    public async Task Revising_an_approved_plan_makes_a_new_version_and_the_page_shows_what_changed()
    {
        var staff = await Portal.ClientForAsync("staff");
        var (id, _) = await PlanOfAsync("慢性病健康讲座");

        var revised = await staff.PostFormAsync($"/projects/{id}/plan", $"/projects/{id}/plan/revise", []);
        Assert.Equal($"/projects/{id}/plan/edit", revised.RedirectPath());
        var draft = await Portal.WithDbAsync(db => db.Plans.Include(p => p.Objectives).SingleAsync(p => p.ProjectId == id && p.VersionNumber == 2));
        Assert.Equal(PlanStatus.Draft, draft.Status);

        var form = new Dictionary<string, string>
        {
            ["Purpose"] = "提高老年居民的慢性病自我管理能力", ["StartDate"] = "2026-06-01", ["EndDate"] = "2026-12-31", ["Place"] = "阳光社区会议室",
            ["FeeTier"] = "Free", ["FeeAmount"] = "0", ["DeliveryMode"] = "AtFacility", ["Capacity"] = "80", ["Version"] = $"{draft.Version}",
            ["Objectives[0].Indicator"] = "参加讲座", ["Objectives[0].TargetValue"] = "180", ["Objectives[0].Unit"] = "人次",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/projects/{id}/plan/edit", $"/projects/{id}/plan/edit", form)).StatusCode);

        var html = await staff.GetStringAsync($"/projects/{id}/plan?version=2&compare=1");
        Assert.Contains("与第 1 版相比的变化", html, StringComparison.Ordinal);
        Assert.Contains("参加讲座: 180 人次", html, StringComparison.Ordinal);
        Assert.Contains("参加讲座: 150 人次", html, StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Approved, await Portal.WithDbAsync(db => db.Plans.Where(p => p.ProjectId == id && p.VersionNumber == 1).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_second_of_two_plan_editors_sees_both_versions_and_keeps_their_input()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var (id, version) = await PlanOfAsync("家政服务培训");

        var first = await staff.PostFormAsync($"/projects/{id}/plan/edit", $"/projects/{id}/plan/edit", new(FullPlan()) { ["Version"] = $"{version}", ["Place"] = "社区活动室" });
        var second = await manager.PostFormAsync($"/projects/{id}/plan/edit", $"/projects/{id}/plan/edit", new(FullPlan()) { ["Version"] = $"{version}", ["Place"] = "街道培训中心" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.BodyAsync();
        Assert.Contains("两个版本", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"notice-body\">社区活动室</td><td class=\"notice-body\">街道培训中心</td>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"街道培训中心\"", html, StringComparison.Ordinal);
        Assert.Equal("社区活动室", await Portal.WithDbAsync(db => db.Plans.Where(p => p.ProjectId == id).Select(p => p.Place).SingleAsync()));
    }

    [Fact]
    public async Task The_plan_prints_as_a_document_with_budget_totals_and_the_approval_record()
    {
        var staff = await Portal.ClientForAsync("staff");
        var (id, _) = await PlanOfAsync("残疾人康复上门服务");

        var html = await staff.GetStringAsync($"/projects/{id}/plan/print");

        Assert.Contains("<h1>服务计划书</h1>", html, StringComparison.Ordinal);
        Assert.Contains("审批记录", html, StringComparison.Ordinal);
        Assert.Contains("需求超出预期，同意增加服务人次。", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">12200.00</td>", html, StringComparison.Ordinal);
        Assert.Contains("css/print.css", html, StringComparison.Ordinal);
    }

    private Task<(int ProjectId, int Version)> PlanOfAsync(string project) =>
        Portal.WithDbAsync(async db =>
        {
            var id = await db.Projects.Where(p => p.Name == project).Select(p => p.Id).SingleAsync();
            var version = await db.Plans.Where(p => p.ProjectId == id).OrderByDescending(p => p.VersionNumber).Select(p => p.Version).FirstOrDefaultAsync();
            return (id, version);
        });
}
