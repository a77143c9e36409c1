using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ResidentPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_on_a_phone_follows_her_services_withdraws_her_consent_and_gives_it_again()
    {
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, "resident");

        await BrowserFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "我的", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "我接受过的服务" })).ToContainTextAsync("在长者食堂用午餐");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "My page scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "20-me-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "我的资料" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("年龄段")).ToHaveValueAsync("From60To79");
        await BrowserFixture.ScreenshotAsync(page, "21-me-profile-consented");

        await page.GetByRole(AriaRole.Button, new() { Name = "撤回同意", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("请勾选方框，确认撤回同意。")).ToBeVisibleAsync();
        await page.GetByLabel("是的，撤回同意并删除这些信息。").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "撤回同意", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已撤回您的同意，您的特殊群体信息已删除。");
        await Assertions.Expect(page.GetByLabel("年龄段")).ToHaveCountAsync(0);
        var agree = page.GetByLabel("我已阅读上述说明，同意为此目的保存我的特殊群体信息。");
        await Assertions.Expect(agree).Not.ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "22-me-profile-withdrawn");

        await agree.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "我同意" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已记录您的同意。现在可以填写特殊群体信息了。");
        await page.GetByLabel("年龄段").SelectOptionAsync("From60To79");
        await page.GetByRole(AriaRole.Group, new() { Name = "是否有残疾" }).GetByLabel("否").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存我的资料" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("您的资料已保存。");
        await Assertions.Expect(page.GetByLabel("年龄段")).ToHaveValueAsync("From60To79");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The profile scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "23-me-profile-consented-again");
        await page.Context.CloseAsync();
    }
}
