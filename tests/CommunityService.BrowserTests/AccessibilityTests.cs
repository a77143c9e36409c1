using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.0–2.2 A and AA, and best practices) on the public and resident pages, on a 360 px phone and on a
/// desktop, in the standard and in the larger-text mode (适老化), which also promises AAA contrast, body text of at least
/// 18 px and touch targets of at least 44 px. No page may scroll sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<int, bool> Layouts => new() { { 360, false }, { 360, true }, { 1280, false }, { 1280, true } };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Public_and_resident_pages_have_no_axe_violations(int width, bool large)
    {
        var page = await Axe.NewPageAsync(browser, width);
        var found = new List<string>();
        var notice = await NoticeUrlAsync(page, "青少年暑期托管");
        var visitNotice = await NoticeUrlAsync(page, "残疾人康复上门服务");
        if (large)
        {
            await page.GotoAsync($"{browser.BaseUrl}/display?large=true&returnUrl=/");
        }

        foreach (var path in new[] { "/", "/notices", "/notices?q=暑期", notice, "/account/login", "/account/register" })
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await CheckAsync(page, $"{path} anonymous", width, large, found);
        }
        await page.GotoAsync($"{browser.BaseUrl}/account/login");
        await page.GetByLabel("用户名").FillAsync("nobody-here");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAsync(page, "/account/login after a failed sign-in", width, large, found);

        await browser.SignInAsync(page, "resident");
        await page.GotoAsync(browser.BaseUrl + notice);
        await CheckAsync(page, $"{notice} as resident", width, large, found);
        var signUp = await page.Locator("a[href*='/signup?session=']").First.GetAttributeAsync("href");
        await page.GotoAsync(browser.BaseUrl + visitNotice);
        var homeVisit = await page.GetByRole(AriaRole.Link, new() { Name = "申请上门服务" }).GetAttributeAsync("href");
        foreach (var path in new[] { "/", signUp!, homeVisit! })
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await CheckAsync(page, $"{path} as resident", width, large, found);
        }

        // The sign-up form sent back with a message (a phone number that is not one): no sign-up is made.
        await page.GotoAsync(browser.BaseUrl + signUp);
        await page.GetByLabel("电话").FillAsync("abc");
        await page.Locator("form.signup-form button[type=submit]").ClickAsync();
        var message = await page.Locator("[data-valmsg-for=Phone]").InnerTextAsync();
        Assert.NotEqual("", message.Trim());
        // A screen reader hears the message with the field: marked invalid, and described by the hint and the message.
        await Assertions.Expect(page.GetByLabel("电话")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("电话")).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(message.Trim()) + "$"));
        await Assertions.Expect(page.GetByLabel("姓名", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(page, $"{signUp} sent back with a message", width, large, found);

        await page.Context.CloseAsync();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    /// <summary>
    /// The pages managers and staff review and close projects on (issue #7), read only: the queue, the dashboard (also
    /// with a refused filter), an approved, a submitted and a returned report, a project's reports, and both traces; and
    /// staff's report forms.
    /// </summary>
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Review_dashboard_evaluation_and_trace_pages_have_no_axe_violations(int width)
    {
        var page = await Axe.NewPageAsync(browser, width);
        var found = new List<string>();
        await browser.SignInAsync(page, "manager");
        await page.GotoAsync($"{browser.BaseUrl}/trace/evaluations/1");
        var need = await page.Locator("#needs a[href^='/trace/needs/']").First.GetAttributeAsync("href");

        foreach (var path in new[]
        {
            "/reviews", "/dashboard", "/dashboard?from=0202-01-01", "/evaluations/1", "/evaluations/2", "/evaluations/4",
            "/projects/1/evaluations", "/trace/evaluations/1", need!,
        })
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await CheckAsync(page, $"{path} as manager", width, large: false, found);
        }
        await page.Context.CloseAsync();

        // Staff's side: the draft's and the returned report's forms (the manager's comments beside their sections), a new one.
        page = await Axe.NewPageAsync(browser, width);
        await browser.SignInAsync(page, "staff");
        foreach (var path in new[] { "/evaluations/5/edit", "/evaluations/4/edit", "/projects/14/evaluations/create" })
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await CheckAsync(page, $"{path} as staff", width, large: false, found);
        }

        await page.Context.CloseAsync();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private async Task<string> NoticeUrlAsync(IPage page, string project)
    {
        await page.GotoAsync($"{browser.BaseUrl}/notices?q={Uri.EscapeDataString(project)}");
        return (await page.GetByRole(AriaRole.Link, new() { Name = project + "开始报名啦" }).GetAttributeAsync("href"))!;
    }

    private static async Task CheckAsync(IPage page, string what, int width, bool large, List<string> found)
    {
        var where = $"{what} at {width} px{(large ? " in larger-text mode" : "")}";
        var violations = await Axe.RunAsync(page, enhancedContrast: large);
        if (violations.Count > 0)
        {
            found.Add(Axe.Describe(where, violations));
        }
        if (!await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
        {
            found.Add($"{where}: the page scrolls sideways.");
        }
        if (large)
        {
            var body = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
            if (body < 18)
            {
                found.Add($"{where}: body text is {body} px, less than 18 px.");
            }
            found.AddRange((await SmallTargetsAsync(page)).Select(t => $"{where}: touch target smaller than 44 px: {t}"));
        }
    }

    /// <summary>
    /// Visible controls smaller than 44 × 44 px. Links inside running text are exempt (WCAG 2.5.5); a checkbox or radio
    /// counts with its label, which takes the tap too.
    /// </summary>
    private static Task<string[]> SmallTargetsAsync(IPage page) => page.EvaluateAsync<string[]>(
        """
        () => {
            const controls = document.querySelectorAll(
                'button, .btn, input:not([type=hidden]), select, textarea, .nav-link, .navbar-brand, .page-link, .form-check');
            const small = [];
            for (const el of controls) {
                if (el.matches('.form-check-input, .btn-check')) continue;   // measured with their label (.form-check, .btn)
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
                if (r.height < 44 - 0.5 || r.width < 44 - 0.5) {
                    small.push(`${el.outerHTML.slice(0, 120)} (${Math.round(r.width)} × ${Math.round(r.height)})`);
                }
            }
            return small;
        }
        """);
}
