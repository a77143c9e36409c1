using System.Text.Json;
using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// Keyboard only: the skip link, a sensible tab order from a notice to its sign-up button and through the sign-up form, a
/// focus ring that can be seen on every stop, and the phone menu opened from the keyboard.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeyboardTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_keyboard_user_skips_the_menu_reaches_sign_up_and_tabs_through_the_form_in_order_seeing_the_focus(bool large)
    {
        var page = await browser.NewPageAsync(1280, 900);
        await browser.SignInAsync(page, "resident");
        if (large)
        {
            await page.GotoAsync($"{browser.BaseUrl}/display?large=true&returnUrl=/");
        }
        await page.GotoAsync($"{browser.BaseUrl}/notices?q={Uri.EscapeDataString("青少年暑期托管")}");
        await page.GetByRole(AriaRole.Link, new() { Name = "青少年暑期托管开始报名啦" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("青少年暑期托管开始报名啦");
        Assert.Equal(0, await page.Locator("[tabindex]:not([tabindex='0']):not([tabindex='-1'])").CountAsync());

        // The first Tab lands on the skip link; following it puts the next Tab on the page's own content.
        var first = await TabAsync(page);
        Assert.Equal("跳到正文", first.Text);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var stops = new List<Stop>();
        for (var i = 0; i < 15 && (stops.Count == 0 || !stops[^1].Href.Contains("/signup?session=", StringComparison.Ordinal)); i++)
        {
            stops.Add(await TabAsync(page));
        }
        Assert.True(stops.Count > 0 && stops[^1].Href.Contains("/signup?session=", StringComparison.Ordinal),
            "Fifteen Tabs after the skip link did not reach a sign-up button: " + Describe(stops));
        Assert.Equal("← 服务通知", stops[0].Text);
        // The first session of the demo notice is full, so its button joins the waiting list; the session's name is part of the link's name.
        Assert.Matches("^(报名|排队候补) · ", stops[^1].Text);
        var action = stops[^1].Text.Split(" · ")[0];
        AssertFocusVisible(stops.Prepend(first));

        // Enter follows the sign-up button; the form's fields come in reading order, then the submit button.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/signup?session=", StringComparison.Ordinal));
        await TabAsync(page);
        await page.Keyboard.PressAsync("Enter");
        var form = new List<Stop>();
        for (var i = 0; i < 12 && (form.Count == 0 || form[^1].Tag != "button"); i++)
        {
            form.Add(await TabAsync(page));
        }
        Assert.Equal(
            ["a:← 青少年暑期托管开始报名啦", "input:Name", "input:Phone", "textarea:Note", "button:" + action],
            form.Select(s => $"{s.Tag}:{(s.Tag == "a" || s.Tag == "button" ? s.Text : s.Id)}").ToArray());
        AssertFocusVisible(form);
        var back = await TabAsync(page);
        Assert.Equal("返回", back.Text);
        AssertFocusVisible([back]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_the_keyboard_and_its_links_take_the_focus()
    {
        var page = await browser.NewPageAsync(360, 740);
        await page.GotoAsync($"{browser.BaseUrl}/notices");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "菜单" });
        var stops = new List<Stop>();
        for (var i = 0; i < 4 && (stops.Count == 0 || stops[^1].Tag != "button"); i++)
        {
            stops.Add(await TabAsync(page));
        }
        Assert.Equal(["a:跳到正文", "a:社区服务中心", "button:"], stops.Select(s => $"{s.Tag}:{s.Text}").ToArray());
        AssertFocusVisible(stops);
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "服务通知", Exact = true })).ToBeVisibleAsync();
        var next = await TabAsync(page);
        Assert.Equal("服务通知", next.Text);
        AssertFocusVisible([next]);
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab and describes the element that has the focus then, with its computed outline.</summary>
    private static async Task<Stop> TabAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        var json = await page.EvaluateAsync<string>(
            """
            () => {
                const el = document.activeElement;
                const s = getComputedStyle(el);
                return JSON.stringify({
                    tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || el.value || '').trim().replace(/\s+/g, ' '),
                    href: el.getAttribute('href') || '', outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
                    outlineColor: s.outlineColor, focusVisible: el.matches(':focus-visible'),
                });
            }
            """);
        return JsonSerializer.Deserialize<Stop>(json, Json)!;
    }

    /// <summary>Every stop shows a real outline: keyboard focus matched :focus-visible, and the ring is at least 2 px and not see-through.</summary>
    private static void AssertFocusVisible(IEnumerable<Stop> stops)
    {
        var hidden = stops.Where(s => !s.FocusVisible || s.OutlineStyle is "none" or "hidden" || s.OutlineWidth < 2
            || s.OutlineColor.EndsWith(", 0)", StringComparison.Ordinal) || s.OutlineColor == "transparent").ToList();
        Assert.True(hidden.Count == 0, "Focus without a visible outline: " + Describe(hidden));
    }

    private static string Describe(IEnumerable<Stop> stops) =>
        string.Join("; ", stops.Select(s => $"{s.Tag}#{s.Id} '{s.Text}' {s.Href} outline {s.OutlineStyle} {s.OutlineWidth}px {s.OutlineColor}"));

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Stop(string Tag, string Id, string Text, string Href, string OutlineStyle, double OutlineWidth, string OutlineColor, bool FocusVisible);
}
