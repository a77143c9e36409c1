using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// A manager follows 老年人助餐服务 from its approved final evaluation back to the need and forward again, on a phone;
/// a regular of the day care finds the satisfaction questionnaire on her page. Nothing is changed (the browser tests share a database).
/// </summary>
[Collection(BrowserCollection.Name)]
public class TraceTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_manager_follows_an_evaluation_back_to_its_need_and_the_need_forward_to_its_outcome_on_a_phone()
    {
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, "manager");
        await page.GotoAsync($"{browser.BaseUrl}/evaluations/1");
        await page.GetByRole(AriaRole.Link, new() { Name = "追溯到需求" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "从评估追溯到需求" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("老年人助餐服务");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The trace scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "65-trace-evaluation-phone");

        await page.Locator("#needs a[href^='/trace/needs/']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "从需求追踪到成效" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("老年人助餐服务");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The trace scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "66-trace-need-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_regular_of_the_day_care_finds_the_satisfaction_questionnaire_on_her_page()
    {
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, "elder20");
        await page.GotoAsync($"{browser.BaseUrl}/me");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "请您填写的问卷" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "填写问卷" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("长者日间照料");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The questionnaire scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "67-satisfaction-questionnaire-phone");
        await page.Context.CloseAsync();
    }
}
