using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// The resident's whole way on a phone: find a service by search, register on the way to the sign-up form, give the
/// separate consent, take the last place, cancel it — and the person first on the waiting list gets it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SignUpFlowTests(BrowserFixture browser)
{
    private const string Notice = "青少年暑期托管开始报名啦";
    private const string Meeting = "家长说明会";

    [Fact]
    public async Task A_visitor_finds_a_service_registers_consents_signs_up_and_cancels_and_the_next_in_line_gets_the_place()
    {
        // Staff open one more place at the parents' meeting (2 taken, 钱先生 waiting): 钱先生 moves up, one place stays free.
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, "staff");
        await staff.GotoAsync($"{browser.BaseUrl}/notices");
        await staff.GetByRole(AriaRole.Link, new() { Name = Notice }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "场次与报名名单" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = Meeting }).ClickAsync();
        await staff.GetByLabel("名额数").FillAsync("4");
        await staff.GetByRole(AriaRole.Button, new() { Name = "修改" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("名额已改为 4 个。")).ToBeVisibleAsync();

        // A visitor on a phone searches the board.
        var phone = await browser.NewPageAsync(360, 740);
        await phone.GotoAsync($"{browser.BaseUrl}/notices");
        await phone.GetByLabel("搜索", new() { Exact = true }).FillAsync("托管");
        await phone.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = Notice }).ClickAsync();
        var meeting = phone.Locator(".session-offers li").Filter(new() { HasText = Meeting });
        await Assertions.Expect(meeting.GetByText("剩余名额 1 / 4")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(phone, "06-notice-sessions-phone");

        // Signing up needs an account: sign-in page, then register, then back to the form.
        await meeting.GetByRole(AriaRole.Link, new() { Name = "报名" }).ClickAsync();
        await phone.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "注册" }).ClickAsync();
        await phone.GetByLabel("用户名").FillAsync("sunpopo");
        await phone.GetByLabel("姓名").FillAsync("孙婆婆");
        await phone.GetByLabel("社区").SelectOptionAsync(new SelectOptionValue { Label = "青石社区" });
        await phone.GetByLabel("密码", new() { Exact = true }).FillAsync("a long pass phrase");
        await phone.GetByLabel("确认密码").FillAsync("a long pass phrase");
        await phone.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "报名", Level = 1 })).ToBeVisibleAsync();
        var signUpUrl = phone.Url;

        // Her details, and the separate consent to the special-group facts (unticked until she ticks it).
        await phone.GotoAsync($"{browser.BaseUrl}/me/profile");
        await phone.GetByLabel("电话", new() { Exact = true }).FillAsync("139 0000 7777");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存我的资料" }).ClickAsync();
        var consent = phone.GetByLabel("我已阅读上述说明，同意为此目的保存我的特殊群体信息。");
        await Assertions.Expect(consent).Not.ToBeCheckedAsync();
        await consent.CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "我同意" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("已记录您的同意")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(phone, "07-consent-phone");

        // She takes the last place.
        await phone.GotoAsync(signUpUrl);
        await Assertions.Expect(phone.GetByLabel("电话", new() { Exact = true })).ToHaveValueAsync("139 0000 7777");
        await BrowserFixture.ScreenshotAsync(phone, "08-sign-up-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("报名成功")).ToBeVisibleAsync();
        Assert.EndsWith("/me", phone.Url, StringComparison.Ordinal);

        // The volunteer (陈志愿) comes too late and joins the waiting list.
        var late = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(late, "volunteer");
        await late.GotoAsync(signUpUrl);
        await Assertions.Expect(late.GetByText("名额已满")).ToBeVisibleAsync();
        await late.GetByLabel("电话", new() { Exact = true }).FillAsync("137 0000 8888");
        await late.GetByRole(AriaRole.Button, new() { Name = "排队候补" }).ClickAsync();
        await Assertions.Expect(late.GetByText("您排在候补第 1 位")).ToBeVisibleAsync();

        // She cancels from her page; the place goes to the volunteer.
        await phone.GetByRole(AriaRole.Button, new() { Name = "取消报名" }).First.ClickAsync();
        await Assertions.Expect(phone.GetByText("报名已取消")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(phone, "09-me-after-cancel-phone");

        await late.GotoAsync($"{browser.BaseUrl}/notices");
        await late.GetByRole(AriaRole.Link, new() { Name = Notice }).ClickAsync();
        await Assertions.Expect(late.Locator(".session-offers li").Filter(new() { HasText = Meeting }).GetByText("您已报名：已报名")).ToBeVisibleAsync();

        await staff.ReloadAsync();
        await Assertions.Expect(staff.GetByText("已报名 4 / 4")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "10-staff-sign-up-list");
        foreach (var page in new[] { staff, phone, late })
        {
            await page.Context.CloseAsync();
        }
    }
}
