using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// A real-browser sample of the stored-XSS corpus: staff put payloads into a notice (title, facts and body) and a need, the
/// admin into a new staff account's name, a visitor into the name she registers with — all through the forms — and then
/// the pages that show them are opened as the people who see them. Only rows no other browser test reads are changed. No dialog opens, no console error is logged (a payload
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
        // Only rows no other browser test reads: notice 7 (物业维修便民服务), project 6's needs, and two new accounts.
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, "staff");
        await FillAndSubmitAsync(staff, "/notices/7/edit", new()
        {
            ["Title"] = "物业维修 " + Payloads[0],
            ["Audience"] = Payloads[1],
            ["Place"] = Payloads[2],
            ["Contact"] = Payloads[3],
            ["Body"] = "**欢迎**\n\n" + string.Join("\n\n", Payloads),
        });
        // A need noted on a project's page (the project's own form; it comes back to the same page).
        await FillAndSubmitAsync(staff, "/projects/6", new() { ["Text"] = "老人需要 " + string.Join(" ", Payloads[..6]) }, leaves: false);

        // Accounts made through the forms: a name may hold letters only (PersonNames), so no payload gets into one.
        var admin = await browser.NewPageAsync();
        await browser.SignInAsync(admin, "admin");
        await FillAndSubmitAsync(admin, "/admin/users/create", new()
        {
            ["UserName"] = "xss-staff",
            ["DisplayName"] = "测试甲",
            ["Password"] = "Xss-Probe-2026!",
        }, choose: "#role-Staff");

        // A visitor registers as a resident.
        var resident = await browser.NewPageAsync();
        await FillAndSubmitAsync(resident, "/account/register", new()
        {
            ["UserName"] = "xss-resident",
            ["DisplayName"] = "测试乙",
            ["Password"] = "Xss-Probe-2026!",
            ["ConfirmPassword"] = "Xss-Probe-2026!",
        }, choose: "CommunityId");

        var visitor = await browser.NewPageAsync();
        var pages = new (IPage Page, string Url)[]
        {
            (visitor, "/notices"), (visitor, "/notices/7"), (visitor, "/notices/7/poster"), (visitor, "/notices/7/flyer"),
            (staff, "/notices/7/manage"), (staff, "/notices/7/edit"), (staff, "/needs"), (staff, "/projects/6"), (staff, "/projects/10"),
            (staff, "/tasks"), (resident, "/me"), (resident, "/me/profile"), (admin, "/admin/users?q=xss"),
        };
        var trouble = new List<string>();
        foreach (var page in new[] { visitor, staff, resident, admin })
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
            var response = await page.GotoAsync(browser.BaseUrl + url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}.");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        }
        // The payloads were stored and show as text.
        await staff.GotoAsync(browser.BaseUrl + "/projects/6");
        await Assertions.Expect(staff.GetByText("老人需要", new() { Exact = false }).First).ToBeVisibleAsync();
        await visitor.GotoAsync(browser.BaseUrl + "/notices/7");
        await Assertions.Expect(visitor.GetByText("物业维修 " + Payloads[0])).ToBeVisibleAsync();
        await admin.GotoAsync(browser.BaseUrl + "/admin/users?q=xss");
        await Assertions.Expect(admin.GetByText("测试甲")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("测试乙")).ToBeVisibleAsync();
        Assert.Equal("undefined", await visitor.EvaluateAsync<string>("() => typeof window.__xss"));
        // A payload is one long word with no place to break: on a phone it wraps rather than pushing the page sideways.
        await visitor.SetViewportSizeAsync(360, 740);
        foreach (var url in new[] { "/", "/notices", "/notices/7" })
        {
            await visitor.GotoAsync(browser.BaseUrl + url);
            Assert.True(await visitor.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{url} scrolls sideways on a phone.");
        }
        Assert.True(trouble.Count == 0, string.Join(Environment.NewLine, trouble));
    }

    /// <summary>Opens the form page, fills the named fields, takes a choice in <paramref name="choose"/> (a list, radio buttons, or a tick box by its #id), and submits.</summary>
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
            await form.Locator(choose.StartsWith('#') ? choose : $"[name='{choose}']").Last.EvaluateAsync(
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
