using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

[Collection(BrowserCollection.Name)]
public class PlanTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_write_and_submit_a_plan_a_manager_returns_it_staff_fix_it_and_the_manager_approves_it()
    {
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, "staff");
        await staff.GetByRole(AriaRole.Link, new() { Name = "家政服务培训" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "查看完整计划书" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "修改计划书" }).ClickAsync();
        await staff.GetByLabel("任务 1", new() { Exact = true }).FillAsync("招募有就业意愿的居民");
        await staff.GetByLabel("预算项目 4", new() { Exact = true }).FillAsync("实操考核场地费");
        await staff.GetByLabel("金额（元）").Nth(3).FillAsync("600");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("计划书已保存。");
        await Assertions.Expect(staff.GetByText("¥9800.00").First).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("计划书已提交审批。");

        var manager = await browser.NewPageAsync();
        await browser.SignInAsync(manager, "manager");
        await manager.GotoAsync(staff.Url);
        await manager.GetByLabel("意见").FillAsync("请补充学员考核标准。");
        await manager.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToHaveTextAsync("计划书已退回修改。");

        await staff.ReloadAsync();
        await Assertions.Expect(staff.GetByText("请补充学员考核标准。")).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "修改计划书" }).ClickAsync();
        await staff.GetByLabel("任务 2", new() { Exact = true }).FillAsync("按国家家政服务员标准考核");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("计划书已提交审批。");

        await manager.ReloadAsync();
        await manager.GetByLabel("意见").FillAsync("考核标准清楚，同意。");
        await manager.GetByRole(AriaRole.Button, new() { Name = "批准计划书" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToHaveTextAsync("计划书已批准。");
        await BrowserFixture.ScreenshotAsync(manager, "20-plan-approved");

        await manager.GetByRole(AriaRole.Link, new() { Name = "打印" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "服务计划书" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByText("考核标准清楚，同意。")).ToBeVisibleAsync();
        await manager.EmulateMediaAsync(new() { Media = Media.Print });
        await BrowserFixture.ScreenshotAsync(manager, "21-plan-printed");
        await manager.PdfAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "21-plan-printed.pdf"), Format = "A4" });
        await staff.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }
}
