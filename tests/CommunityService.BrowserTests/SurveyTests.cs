using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

[Collection(BrowserCollection.Name)]
public class SurveyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_answers_a_survey_on_a_phone_with_a_conditional_question_and_a_correction()
    {
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, "resident");
        await page.GotoAsync($"{browser.BaseUrl}/surveys/2/respond");

        var followUp = page.Locator("fieldset.question", new() { HasText = "您参加过哪些活动？" });
        await Assertions.Expect(followUp).ToBeHiddenAsync();
        await page.GetByLabel("参加过", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        await followUp.GetByLabel("健康讲座").CheckAsync();
        await page.Locator("label[for$='-4']").First.ClickAsync();
        await page.GetByLabel("您还希望社区开展什么活动？").FillAsync("书法班");
        await BrowserFixture.ScreenshotAsync(page, "10-survey-phone-filled");

        // The time question is required and left empty: the page comes back with a message and everything kept.
        await page.GetByRole(AriaRole.Button, new() { Name = "提交答卷" }).ClickAsync();
        var when = page.Locator("fieldset.question", new() { HasText = "您方便参加活动的时间是？" });
        await Assertions.Expect(when.GetByRole(AriaRole.Alert)).ToHaveTextAsync("请回答这道题。");
        await Assertions.Expect(page.GetByLabel("参加过", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        await Assertions.Expect(followUp.GetByLabel("健康讲座")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("您还希望社区开展什么活动？")).ToHaveValueAsync("书法班");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The survey scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "11-survey-phone-error");

        await when.GetByLabel("周末").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交答卷" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢您" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "12-survey-phone-thanks");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_read_the_survey_results_with_charts()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "staff");

        await page.GotoAsync($"{browser.BaseUrl}/surveys/1/results");

        await Assertions.Expect(page.GetByText("共 300 份答卷")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.querySelectorAll('canvas.result-chart').length") >= 4);
        Assert.True(await page.EvaluateAsync<bool>("typeof Chart !== 'undefined' && Object.keys(Chart.instances).length >= 4"), "Chart.js drew no charts.");
        await BrowserFixture.ScreenshotAsync(page, "13-survey-results");
        await page.Context.CloseAsync();
    }
}
