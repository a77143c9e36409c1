using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// Is 长者日间照料 on track? Staff read the answer on a phone, then the money behind it; a manager opens the waiting change of
/// an objective from the review queue and sees what it changes in the plan. Nothing is changed (the browser tests share a database).
/// </summary>
[Collection(BrowserCollection.Name)]
public class OnTrackTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_see_on_a_phone_which_objective_is_behind_and_the_money_behind_the_project()
    {
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, "staff");
        await page.GotoAsync($"{browser.BaseUrl}/projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "长者日间照料" }).ClickAsync();

        var panel = page.Locator("#on-track-panel");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "进展是否顺利？" })).ToBeVisibleAsync();
        var volunteerRow = panel.Locator("li.objective").Filter(new() { HasText = "志愿服务时长" });
        await Assertions.Expect(volunteerRow).ToContainTextAsync("进度落后");
        await Assertions.Expect(panel).ToContainTextAsync("5 项目标中有 1 项进度落后");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The project page scrolls sideways on a phone.");
        await panel.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "60-on-track-phone.png") });

        await panel.GetByRole(AriaRole.Link, new() { Name = "经费", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "经费收支" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("¥63,000.00").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "61-money-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_opens_a_waiting_change_of_objective_from_the_queue_and_sees_the_plan_difference()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "manager");
        await page.GotoAsync($"{browser.BaseUrl}/reviews");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "长者日间照料" });
        await Assertions.Expect(row).ToContainTextAsync("计划调整");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByText("志愿服务时长目标由 400 小时调整为 250 小时。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("250");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "批准调整" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "62-adjustment-review");
        await page.Context.CloseAsync();
    }
}
