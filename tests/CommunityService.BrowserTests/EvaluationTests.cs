using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// The final evaluation of 慢性病健康讲座 (submitted in the demo): the manager returns it with a comment on the methods, the
/// social worker sees the comment beside that section, revises and resubmits, and the manager's approval closes the project.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EvaluationTests(BrowserFixture browser)
{
    private const string Comment = "请补充讲座后如何随访参加者，以及随访发现了什么。";

    [Fact]
    public async Task A_manager_returns_an_evaluation_with_a_section_comment_staff_revise_it_and_the_approval_closes_the_project()
    {
        var manager = await browser.NewPageAsync();
        await browser.SignInAsync(manager, "manager");
        await manager.GotoAsync($"{browser.BaseUrl}/reviews");
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "慢性病健康讲座" }).Filter(new() { HasText = "评估报告" });
        await row.GetByRole(AriaRole.Link, new() { Name = "打开：慢性病健康讲座" }).ClickAsync();
        var report = manager.Url;
        await manager.Locator("#review-Methods").FillAsync(Comment);
        await manager.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("已退回");

        var staff = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(staff, "staff");
        await staff.GotoAsync(report);
        await Assertions.Expect(staff.Locator(".review-note").Filter(new() { HasText = Comment })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "63-evaluation-returned-phone");
        await staff.GetByRole(AriaRole.Link, new() { Name = "编辑", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator(".review-note").Filter(new() { HasText = Comment })).ToBeVisibleAsync();
        var methods = staff.Locator("#Dimensions_1__Narrative");
        await methods.FillAsync(await methods.InputValueAsync() + "\n每场讲座后一周内电话随访参加者，约七成已按医嘱自测血压。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await staff.GotoAsync(report);
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("已提交");

        await manager.GotoAsync(report);
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("约七成已按医嘱自测血压");
        await manager.GetByRole(AriaRole.Button, new() { Name = "批准评估报告" }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("已批准");
        await manager.GotoAsync($"{browser.BaseUrl}/projects");
        await Assertions.Expect(manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "慢性病健康讲座" })).ToContainTextAsync("已结项");
        await BrowserFixture.ScreenshotAsync(manager, "64-evaluation-approved-project-closed");
        await manager.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }
}
