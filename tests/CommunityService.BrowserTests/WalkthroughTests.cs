using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

[Collection(BrowserCollection.Name)]
public class WalkthroughTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_reads_a_notice_on_a_360px_phone()
    {
        var page = await browser.NewPageAsync(360, 740);

        await page.GotoAsync($"{browser.BaseUrl}/notices");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务通知", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The notice board scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "01-notices-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "青少年暑期托管开始报名啦" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "青少年暑期托管开始报名啦", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("青石社区活动中心").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The notice page scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "02-notice-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "打印海报" }).ClickAsync();
        await Assertions.Expect(page.GetByAltText("用手机扫描此二维码查看通知")).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(794, 1123);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await BrowserFixture.ScreenshotAsync(page, "05-notice-poster");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_sign_in_and_open_a_project()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "最新服务通知" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "00-home");

        await browser.SignInAsync(page, "staff");

        Assert.EndsWith("/projects", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "残疾人康复上门服务" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "残疾人康复上门服务", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "5. 组织实施" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("下一步: 评估总结")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "03-staff-project");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_approves_a_submitted_plan()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "manager");

        await page.GetByRole(AriaRole.Link, new() { Name = "独居老人关爱探访" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan").GetByText("待审批")).ToBeVisibleAsync();
        await page.GetByLabel("意见").FillAsync("计划完整，同意。");
        await page.GetByRole(AriaRole.Button, new() { Name = "批准计划书" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("计划书已批准。");
        await Assertions.Expect(page.GetByText("计划完整，同意。")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "← 独居老人关爱探访" }).ClickAsync();
        await Assertions.Expect(page.GetByText("请至少发布一条服务通知。")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "04-manager-approved-plan");
        await page.Context.CloseAsync();
    }
}
