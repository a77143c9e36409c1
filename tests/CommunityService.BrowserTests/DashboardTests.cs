using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>The manager opens the dashboard: every chart is drawn beside its table, the filters narrow it, and it fits a phone.</summary>
[Collection(BrowserCollection.Name)]
public class DashboardTests(BrowserFixture browser)
{
    private const int Sections = 9;

    private static async Task ChartsAreDrawnAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".dashboard-chart canvas")).ToHaveCountAsync(Sections);
        // Chart.js keeps an instance per canvas; each has a size and its data sets.
        var drawn = await page.EvaluateAsync<int>(
            """
            () => Array.from(document.querySelectorAll('.dashboard-chart canvas'))
                .filter(c => { const chart = Chart.getChart(c); return chart && c.width > 0 && c.height > 0 && chart.data.datasets.length > 0; })
                .length
            """);
        Assert.Equal(Sections, drawn);
    }

    [Fact]
    public async Task A_manager_sees_every_chart_beside_its_table_and_narrows_them_by_community()
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        await browser.SignInAsync(page, "manager");
        await page.GotoAsync($"{browser.BaseUrl}/dashboard");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "数据看板", Level = 1 })).ToBeVisibleAsync();
        await ChartsAreDrawnAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "满意度变化" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#table-satisfaction tbody tr")).ToHaveCountAsync(12);
        var everyone = await page.Locator("#key-people").InnerTextAsync();
        Assert.NotEqual("0", everyone);
        await BrowserFixture.ScreenshotAsync(page, "50-dashboard");

        await page.Locator("#community").SelectOptionAsync(new SelectOptionValue { Label = "阳光社区" });
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("community=", StringComparison.Ordinal));
        await ChartsAreDrawnAsync(page);
        Assert.True(int.Parse(await page.Locator("#key-people").InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)
            <= int.Parse(everyone, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_fits_a_phone()
    {
        var phone = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(phone, "manager");
        await phone.GotoAsync($"{browser.BaseUrl}/dashboard");

        await ChartsAreDrawnAsync(phone);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The dashboard scrolls sideways on a phone.");
        await BrowserFixture.ScreenshotAsync(phone, "51-dashboard-phone");
        await phone.Context.CloseAsync();
    }
}
