using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>On the day, on a phone: staff check people in with one tap each and add someone who just came.</summary>
[Collection(BrowserCollection.Name)]
public class CheckInTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_check_people_in_on_a_phone_with_one_tap_each_and_add_a_walk_in()
    {
        // Check-in is open on the session's day: the first summer session moves to now, and back at the end (other tests sign up to it).
        const string Session = "WHERE \"Title\" = '暑期托管·第一期（三周，工作日全天）'";
        var dates = (string)(await browser.ExecuteAsync($"SELECT \"StartsAt\" || '|' || \"EndsAt\" FROM \"Sessions\" {Session}"))!;
        await browser.ExecuteAsync($"UPDATE \"Sessions\" SET \"StartsAt\" = $start, \"EndsAt\" = $end {Session}",
            ("$start", DateTime.UtcNow.AddMinutes(-1)), ("$end", DateTime.UtcNow.AddHours(3)));
        try
        {
            await CheckInAsync();
        }
        finally
        {
            await browser.ExecuteAsync($"UPDATE \"Sessions\" SET \"StartsAt\" = $start, \"EndsAt\" = $end {Session}",
                ("$start", dates.Split('|')[0]), ("$end", dates.Split('|')[1]));
        }
    }

    private async Task CheckInAsync()
    {
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, "staff");
        await page.GotoAsync($"{browser.BaseUrl}/notices");
        await page.GetByRole(AriaRole.Link, new() { Name = "青少年暑期托管开始报名啦" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "场次与报名名单" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "暑期托管·第一期（三周，工作日全天）" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "签到" }).ClickAsync();
        var count = page.Locator("#checked-in-count");
        var before = await count.InnerTextAsync();

        var zhou = page.GetByRole(AriaRole.Button, new() { Name = "周先生" });
        await Assertions.Expect(zhou).ToHaveAttributeAsync("aria-pressed", "false");
        await zhou.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "周先生" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.NotEqual(before, await count.InnerTextAsync());

        await page.Locator("#Name").FillAsync("路过的吴奶奶");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并签到" }).ClickAsync();
        await Assertions.Expect(page.GetByText("路过的吴奶奶 已签到。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "路过的吴奶奶" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The check-in page scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(page, "40-check-in-phone");
        await page.Context.CloseAsync();
    }
}
