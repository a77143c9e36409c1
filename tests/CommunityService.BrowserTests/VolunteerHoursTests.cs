using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// Volunteer hours on a phone: the demo volunteer 陈志愿 takes a coming night patrol and logs the minutes of last week's,
/// staff confirm them with a correction, and the volunteer sees the new confirmed total and opens the printable record.
/// </summary>
[Collection(BrowserCollection.Name)]
public class VolunteerHoursTests(BrowserFixture browser)
{
    private const string Coming = "夜间巡逻·第六周";
    private const string LastWeek = "夜间巡逻·第四周";

    private static async Task NoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{what} scrolls sideways on a phone.");

    [Fact]
    public async Task A_volunteer_logs_hours_staff_confirm_them_with_a_correction_and_the_volunteer_prints_the_record()
    {
        // The volunteer opens her page from the menu: 3.5 confirmed hours so far (120 + 90 minutes).
        var phone = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(phone, "volunteer");
        await BrowserFixture.OpenMenuAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = "我的志愿服务" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "我的志愿服务", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#confirmed-hours")).ToHaveTextAsync("3.5 小时");
        await NoSidewaysScrollAsync(phone, "The volunteer's page");
        await BrowserFixture.ScreenshotAsync(phone, "30-volunteer-phone");

        // She takes a place on a coming patrol.
        var open = phone.GetByRole(AriaRole.Region, new() { Name = "可以认领的岗位" }).Locator("li").Filter(new() { HasText = Coming });
        await Assertions.Expect(open.GetByText("还剩 3 个志愿岗位（共 3 个）")).ToBeVisibleAsync();
        await open.GetByRole(AriaRole.Button, new() { Name = "认领这个岗位" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToHaveTextAsync("您已认领这个岗位，谢谢！");
        var mine = phone.GetByRole(AriaRole.Region, new() { Name = "我的岗位" });
        await Assertions.Expect(mine.Locator("li").Filter(new() { HasText = Coming }).GetByRole(AriaRole.Button, new() { Name = "取消这个岗位" })).ToBeVisibleAsync();

        // And says how long she helped on last week's patrol.
        var past = mine.Locator("li").Filter(new() { HasText = LastWeek });
        await past.GetByLabel("服务分钟数").FillAsync("120");
        await past.GetByRole(AriaRole.Button, new() { Name = "填报时长" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToHaveTextAsync("已填报 120 分钟，工作人员将进行确认。");
        await Assertions.Expect(mine.Locator("li").Filter(new() { HasText = LastWeek }).GetByText("已填报：120 分钟")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#confirmed-hours")).ToHaveTextAsync("3.5 小时");
        await BrowserFixture.ScreenshotAsync(phone, "31-volunteer-logged-phone");

        // Staff, also on a phone, find the hours waiting for them and correct them: she came at 19:50.
        var staff = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(staff, "staff");
        await BrowserFixture.OpenMenuAsync(staff);
        await staff.Locator("#main-nav").GetByRole(AriaRole.Link, new() { Name = "志愿者", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "志愿者", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "32-staff-volunteers-phone");
        await staff.GetByRole(AriaRole.Region, new() { Name = "待确认的时长" }).GetByRole(AriaRole.Link, new() { Name = "社区夜间巡逻志愿队" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "志愿岗位", Level = 1 })).ToBeVisibleAsync();
        var shift = staff.Locator("#shifts li").Filter(new() { HasText = "陈志愿" }).Filter(new() { HasText = LastWeek });
        var minutes = shift.GetByLabel("时长（分钟）");
        await Assertions.Expect(minutes).ToHaveValueAsync("120");
        await minutes.FillAsync("100");
        await shift.GetByRole(AriaRole.Button, new() { Name = "确认时长" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Alert).First).ToContainTextAsync("更正时长需要在备注中说明原因。");
        await Assertions.Expect(shift.GetByLabel("时长（分钟）")).ToHaveValueAsync("100");
        await shift.GetByLabel("备注（更正时必填）").FillAsync("19:50 才到岗");
        await shift.GetByRole(AriaRole.Button, new() { Name = "确认时长" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("已确认 1.7 小时。");
        await Assertions.Expect(staff.Locator("#shifts li").Filter(new() { HasText = "陈志愿" }).Filter(new() { HasText = LastWeek })).ToContainTextAsync("19:50 才到岗");
        await NoSidewaysScrollAsync(staff, "A project's shifts");
        await BrowserFixture.ScreenshotAsync(staff, "33-staff-confirmed-phone");
        await staff.Context.CloseAsync();

        // The volunteer sees 210 + 100 minutes, 5.2 hours, and the note; then the record to print.
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#confirmed-hours")).ToHaveTextAsync("5.2 小时");
        await Assertions.Expect(mine.Locator("li").Filter(new() { HasText = LastWeek })).ToContainTextAsync("19:50 才到岗");
        await BrowserFixture.ScreenshotAsync(phone, "34-volunteer-confirmed-phone");
        await phone.GetByRole(AriaRole.Link, new() { Name = "打印我的志愿服务时长证明" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "志愿服务时长证明", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".issuer")).ToHaveTextAsync("幸福街道办事处");
        await Assertions.Expect(phone.Locator("table.grid tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(phone.Locator("#total-hours")).ToHaveTextAsync("5.2");
        await phone.SetViewportSizeAsync(794, 1123);
        await phone.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(phone.Locator(".toolbar")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(phone, "35-volunteer-hours-print");
        await phone.Context.CloseAsync();
    }
}
