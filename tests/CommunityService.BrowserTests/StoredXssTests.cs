using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// A real-browser sample of the stored-XSS corpus: staff put payloads into a notice (title, facts and body) and a need, the
/// admin into a staff member's display name, a resident into a service rating's comment — all through the forms — and then
/// the pages that show them are opened as the people who see them. No dialog opens, no console error is logged (a payload
/// blocked by the CSP would log one), and <c>window.__xss</c>, which the payloads set when they run, stays undefined.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StoredXssTests(BrowserFixture browser)
{
    private static readonly string[] Payloads =
    [
        "<img src=x onerror=\"window.__xss=1\">",
        "<script>window.__xss=1</script>",
        "<svg onload=window.__xss=1>",
        "\" autofocus onfocus=window.__xss=1 x=\"",
        "'><img src=x onerror=alert(1)>",
        "<a href=\"javascript:window.__xss=1\">点我</a>",
        "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
        "{{constructor.constructor('window.__xss=1')()}}",
        "<details open ontoggle=alert(1)>",
        "[点我](javascript:alert(1)) ![x](x\" onerror=\"alert(1))",
    ];

    [Fact]
    public async Task Payloads_stored_through_the_forms_never_run_in_a_browser()
    {
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, "staff");
        await FillAndSubmitAsync(staff, "/notices/3/edit", new()
        {
            ["Title"] = "暑期托管 " + Payloads[0],
            ["Audience"] = Payloads[1],
            ["Place"] = Payloads[2],
            ["Contact"] = Payloads[3],
            ["Body"] = "**欢迎**\n\n" + string.Join("\n\n", Payloads),
        });
        // A need noted on a project's page (the project's own form; it comes back to the same page).
        await FillAndSubmitAsync(staff, "/projects/6", new() { ["Text"] = "老人需要 " + string.Join(" ", Payloads[..6]) }, leaves: false);

        var admin = await browser.NewPageAsync();
        await browser.SignInAsync(admin, "admin");
        await admin.GotoAsync($"{browser.BaseUrl}/admin/users?q=staff");
        var staffEdit = await admin.Locator("tr", new() { HasText = "李社工" }).Locator("a[href$='/edit']").First.GetAttributeAsync("href");
        await FillAndSubmitAsync(admin, staffEdit!, new() { ["DisplayName"] = "李社工" + Payloads[4] });

        var resident = await browser.NewPageAsync();
        await browser.SignInAsync(resident, "resident");
        await resident.GotoAsync($"{browser.BaseUrl}/me");
        var rate = await resident.Locator("a[href^='/me/services/'][href$='/feedback']").First.GetAttributeAsync("href");
        Assert.NotNull(rate);
        await FillAndSubmitAsync(resident, rate!, new() { ["Comment"] = "很好 " + Payloads[0] + Payloads[5] }, choose: "Rating");

        var visitor = await browser.NewPageAsync();
        var pages = new (IPage Page, string Url)[]
        {
            (visitor, "/notices"), (visitor, "/notices/3"), (visitor, "/notices/3/poster"), (visitor, "/notices/3/flyer"),
            (staff, "/notices/3/manage"), (staff, "/notices/3/edit"), (staff, "/needs"), (staff, "/projects/6"), (staff, "/projects/2"), (staff, "/projects/3"),
            (staff, "/tasks"), (resident, "/me"), (admin, "/admin/users?q=staff"), (admin, staffEdit!),
        };
        var trouble = new List<string>();
        foreach (var page in new[] { visitor, staff, resident, admin }.Distinct())
        {
            page.Dialog += (_, dialog) =>
            {
                trouble.Add($"dialog on {page.Url}: {dialog.Message}");
                _ = dialog.DismissAsync();
            };
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    trouble.Add($"console error on {page.Url}: {message.Text}");
                }
            };
        }
        foreach (var (page, url) in pages)
        {
            await page.GotoAsync(browser.BaseUrl + url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        }
        // The payloads were stored and show as text.
        await staff.GotoAsync(browser.BaseUrl + "/projects/6");
        await Assertions.Expect(staff.GetByText("老人需要", new() { Exact = false }).First).ToBeVisibleAsync();
        await visitor.GotoAsync(browser.BaseUrl + "/notices/3");
        await Assertions.Expect(visitor.GetByText("暑期托管 " + Payloads[0])).ToBeVisibleAsync();
        Assert.Equal("undefined", await visitor.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.True(trouble.Count == 0, string.Join(Environment.NewLine, trouble));
    }

    /// <summary>Opens the form page, fills the named fields, takes a choice in <paramref name="choose"/> (a list or radio buttons), and submits.</summary>
    private async Task FillAndSubmitAsync(IPage page, string url, Dictionary<string, string> fields, string? choose = null, bool leaves = true)
    {
        await page.GotoAsync(browser.BaseUrl + url);
        var form = page.Locator("main form[method=post]", new() { Has = page.Locator($"[name='{fields.Keys.First()}']") }).First;
        foreach (var (name, value) in fields)
        {
            await form.Locator($"[name='{name}']").First.FillAsync(value);
        }
        if (choose is not null)
        {
            // Radio buttons drawn as buttons (Bootstrap's btn-check) are clipped away, so the choice is made in script.
            await form.Locator($"[name='{choose}']").Last.EvaluateAsync(
                "e => { if (e.tagName === 'SELECT') { e.selectedIndex = 1; } else { e.checked = true; } }");
        }
        await form.Locator("button[type=submit], button:not([type])").First.ClickAsync();
        await page.WaitForLoadStateAsync();
        if (leaves)
        {
            Assert.DoesNotContain(url, new Uri(page.Url).PathAndQuery, StringComparison.Ordinal);
        }
    }
}
