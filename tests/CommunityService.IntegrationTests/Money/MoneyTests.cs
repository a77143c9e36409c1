using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Money;

/// <summary>
/// 残疾人康复上门服务 (project 2, 和平社区, free) runs on approved plan version 2: 物资与耗材 ¥6,000 state funding, 志愿者交通与餐费补贴
/// ¥2,400 community service fund, 宣传品印制 ¥800 and 康复器材租赁 ¥3,000 donations. 青少年暑期托管 (project 3) is low-cost.
/// </summary>
public class MoneyTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>The projects these tests spend on; the demo's 长者日间照料 has money of its own that they leave alone.</summary>
    private static readonly int[] Theirs = [2, 3];

    private const string Money = "/projects/2/money";
    private const string NewExpense = "/projects/2/money/expenses/create";

    private static string Day(int fromToday) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai")).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> LineAsync(string item) => Portal.WithDbAsync(db => db.PlanBudgetLines
        .Where(b => b.Item == item && db.Plans.Any(p => p.Id == b.PlanId && p.ProjectId == 2 && p.Status == PlanStatus.Approved && p.VersionNumber == 2))
        .Select(b => b.Id).SingleAsync());

    private async Task<Dictionary<string, string>> ExpenseAsync(string item, string amount, string description = "")
        => new() { ["BudgetLineId"] = (await LineAsync(item)).ToString(CultureInfo.InvariantCulture), ["Amount"] = amount, ["SpentOn"] = Day(-1), ["ReceiptNumber"] = "HP-001", ["Description"] = description };

    private Task AddExpensesAsync(params (string Item, FundingSource Source, decimal Amount)[] expenses) => Portal.WithDbAsync(async db =>
    {
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
        foreach (var (item, source, amount) in expenses)
        {
            db.Expenses.Add(new Expense { ProjectId = 2, BudgetItem = item, Source = source, Amount = amount, SpentOn = DateOnly.ParseExact(Day(-3), "yyyy-MM-dd", CultureInfo.InvariantCulture), RecordedById = staff, CreatedAt = DateTime.UtcNow });
        }
        await db.SaveChangesAsync();
    });

    /// <summary>The cells of each row of the page's table under the given heading, by the row's first cell.</summary>
    private static Dictionary<string, string[]> Table(string html, string heading)
    {
        var document = new HtmlParser().ParseDocument(html);
        var h2 = document.QuerySelectorAll("h2").Single(h => h.TextContent.Trim() == heading);
        var table = h2.NextElementSibling!.QuerySelector("table")!;
        return table.QuerySelectorAll("tbody tr, tfoot tr")
            .ToDictionary(r => r.Children[0].TextContent.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0],
                r => r.Children.Select(c => string.Join(" ", c.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToArray());
    }

    [Fact]
    public async Task Staff_record_an_expense_and_see_the_line_and_its_source_balance()
    {
        var staff = await Portal.ClientForAsync("staff");

        var saved = await staff.PostFormAsync(NewExpense, NewExpense, await ExpenseAsync("物资与耗材", "1250.50", "康复训练垫 10 张"));

        Assert.Equal(Money, saved.RedirectPath());
        var expense = await Portal.WithDbAsync(db => db.Expenses.SingleAsync(e => e.ProjectId == 2));
        Assert.Equal(("物资与耗材", FundingSource.StateFunding, 1250.50m, "HP-001"), (expense.BudgetItem, expense.Source, expense.Amount, expense.ReceiptNumber));
        var html = await staff.GetStringAsync(Money);
        Assert.Contains("支出已登记。", html, StringComparison.Ordinal);
        Assert.Equal(["物资与耗材", "国家资助", "¥6,000.00", "¥1,250.50", "¥4,749.50"], Table(html, "预算科目")["物资与耗材"]);
        Assert.Equal(["国家资助", "¥6,000.00", "¥1,250.50", "¥4,749.50"], Table(html, "按经费来源")["国家资助"]);
        Assert.Contains("康复训练垫 10 张", html, StringComparison.Ordinal);
        Assert.Contains("最近 1 条，共 1 条。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Balances_per_funding_source_add_up_every_line_of_that_source()
    {
        await AddExpensesAsync(("宣传品印制", FundingSource.Donation, 300m), ("康复器材租赁", FundingSource.Donation, 1500.25m),
            ("康复器材租赁", FundingSource.Donation, 99.75m), ("志愿者交通与餐费补贴", FundingSource.CommunityServiceFund, 2400m));
        var staff = await Portal.ClientForAsync("staff");

        var html = await staff.GetStringAsync(Money);

        var sources = Table(html, "按经费来源");
        Assert.Equal(["社会捐助", "¥3,800.00", "¥1,900.00", "¥1,900.00"], sources["社会捐助"]);
        Assert.Equal(["社区服务基金", "¥2,400.00", "¥2,400.00", "¥0.00"], sources["社区服务基金"]);
        Assert.Equal(["国家资助", "¥6,000.00", "¥0.00", "¥6,000.00"], sources["国家资助"]);
        Assert.Equal(["合计", "¥12,200.00", "¥4,300.00", "¥7,900.00"], Table(html, "预算科目")["合计"]);
        Assert.DoesNotContain("超支", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expense_that_takes_a_line_over_budget_is_saved_with_a_warning_and_the_line_is_marked()
    {
        var staff = await Portal.ClientForAsync("staff");
        await AddExpensesAsync(("宣传品印制", FundingSource.Donation, 700m));

        var saved = await staff.PostFormAsync(NewExpense, NewExpense, await ExpenseAsync("宣传品印制", "100.01"));

        Assert.Equal(Money, saved.RedirectPath());
        Assert.Equal([700m, 100.01m], await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).OrderBy(e => e.Id).Select(e => e.Amount).ToListAsync()));
        var html = await staff.GetStringAsync(Money);
        Assert.Contains("“宣传品印制”（社会捐助）现已超出预算 ¥0.01。", html, StringComparison.Ordinal);
        var line = Table(html, "预算科目")["宣传品印制"];
        Assert.Contains("超支 ¥0.01", line[0], StringComparison.Ordinal);
        Assert.Equal("-¥0.01", line[4]);
    }

    [Fact]
    public async Task Spending_on_an_item_the_revised_plan_dropped_still_shows_as_unplanned()
    {
        await AddExpensesAsync(("康复宣传册设计", FundingSource.Donation, 450m));
        var staff = await Portal.ClientForAsync("staff");

        var html = await staff.GetStringAsync(Money);

        var line = Table(html, "预算科目")["康复宣传册设计"];
        Assert.Contains("计划外", line[0], StringComparison.Ordinal);
        Assert.Contains("超支 ¥450.00", line[0], StringComparison.Ordinal);
        Assert.Equal(["社会捐助", "¥3,800.00", "¥450.00", "¥3,350.00"], Table(html, "按经费来源")["社会捐助"]);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_form_filled_in_and_the_reasons()
    {
        var staff = await Portal.ClientForAsync("staff");

        var fields = await ExpenseAsync("物资与耗材", "12.345", "打印宣传单");
        var tooPrecise = await staff.PostFormAsync(NewExpense, NewExpense, fields);
        var body = await tooPrecise.BodyAsync();
        Assert.Equal(HttpStatusCode.BadRequest, tooPrecise.StatusCode);
        Assert.Contains("金额以元为单位，最多两位小数。", body, StringComparison.Ordinal);
        Assert.Contains("value=\"打印宣传单\"", body, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{fields["BudgetLineId"]}\" selected=\"selected\">", body, StringComparison.Ordinal);

        var future = await staff.PostFormAsync(NewExpense, NewExpense, new(fields) { ["Amount"] = "12", ["SpentOn"] = Day(2) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("日期不能晚于今天。", await future.BodyAsync(), StringComparison.Ordinal);

        var beforeProject = await staff.PostFormAsync(NewExpense, NewExpense, new(fields) { ["Amount"] = "12", ["SpentOn"] = DateTime.UtcNow.AddYears(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Contains("日期不能早于项目创建日期。", await beforeProject.BodyAsync(), StringComparison.Ordinal);

        var tooMuch = await staff.PostFormAsync(NewExpense, NewExpense, new(fields) { ["Amount"] = "10000000.01" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var nothing = await staff.PostFormAsync(NewExpense, NewExpense, new(fields) { ["Amount"] = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);

        var oldPlanLine = await Portal.WithDbAsync(db => db.PlanBudgetLines
            .Where(b => db.Plans.Any(p => p.Id == b.PlanId && p.ProjectId == 2 && p.VersionNumber == 1)).Select(b => b.Id).FirstAsync());
        var otherPlan = await staff.PostFormAsync(NewExpense, NewExpense, new(fields) { ["Amount"] = "12", ["BudgetLineId"] = oldPlanLine.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, otherPlan.StatusCode);
        Assert.Contains("请选择已批准计划中的预算科目。", await otherPlan.BodyAsync(), StringComparison.Ordinal);

        Assert.False(await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).AnyAsync()));
    }

    [Fact]
    public async Task An_edit_on_a_stale_version_clashes_and_keeps_the_input()
    {
        var staff = await Portal.ClientForAsync("staff");
        await staff.PostFormAsync(NewExpense, NewExpense, await ExpenseAsync("物资与耗材", "100"));
        var expense = await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).SingleAsync());
        var edit = $"/expenses/{expense.Id}/edit";

        var first = await staff.SubmitFormAsync(edit, edit, new() { ["Amount"] = "120" });
        Assert.Equal(Money, first.RedirectPath());
        var second = await staff.PostFormAsync(edit, edit, new(await ExpenseAsync("物资与耗材", "150", "第二位同事的修改")) { ["Version"] = expense.Version.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var body = await second.BodyAsync();
        Assert.Contains("value=\"第二位同事的修改\"", body, StringComparison.Ordinal);
        Assert.Contains("value=\"150\"", body, StringComparison.Ordinal);
        Assert.Equal(120m, await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).Where(e => e.Id == expense.Id).Select(e => e.Amount).SingleAsync()));
    }

    [Fact]
    public async Task An_expense_is_deleted_only_from_the_version_the_page_showed()
    {
        var staff = await Portal.ClientForAsync("staff");
        await AddExpensesAsync(("物资与耗材", FundingSource.StateFunding, 88m));
        var expense = await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).SingleAsync());
        var delete = $"/expenses/{expense.Id}/delete";

        var stale = await staff.PostFormAsync(Money, delete, new() { ["Version"] = (expense.Version + 1).ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True(await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).AnyAsync()));

        var deleted = await staff.SubmitFormAsync(Money, delete);
        Assert.Equal(Money, deleted.RedirectPath());
        Assert.False(await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).AnyAsync()));
    }

    [Fact]
    public async Task An_unplanned_expense_can_be_edited_without_moving_it_to_a_planned_line()
    {
        await AddExpensesAsync(("康复宣传册设计", FundingSource.Donation, 450m));
        var staff = await Portal.ClientForAsync("staff");
        var edit = $"/expenses/{await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).Select(e => e.Id).SingleAsync())}/edit";

        Assert.Contains("康复宣传册设计 · 社会捐助 (计划外)", await staff.GetStringAsync(edit), StringComparison.Ordinal);
        var saved = await staff.SubmitFormAsync(edit, edit, new() { ["ReceiptNumber"] = "补-7" });

        Assert.Equal(Money, saved.RedirectPath());
        var expense = await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).SingleAsync());
        Assert.Equal(("康复宣传册设计", FundingSource.Donation, "补-7"), (expense.BudgetItem, expense.Source, expense.ReceiptNumber));
    }

    [Fact]
    public async Task Staff_of_another_community_may_not_see_or_change_the_money()
    {
        await AddExpensesAsync(("物资与耗材", FundingSource.StateFunding, 88m));
        var expense = await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).SingleAsync());
        var outsider = await Portal.NewUserClientAsync("yangguang.money", 1, "Staff");

        foreach (var page in new[] { Money, NewExpense, $"/expenses/{expense.Id}/edit", "/projects/2/money/export" })
        {
            Assert.StartsWith("/account/access-denied", (await outsider.GetAsync(page)).RedirectPath() ?? "", StringComparison.Ordinal);
        }
        var post = await outsider.PostFormAsync("/tasks", $"/expenses/{expense.Id}/delete", new() { ["Version"] = expense.Version.ToString(CultureInfo.InvariantCulture) });
        Assert.StartsWith("/account/access-denied", post.RedirectPath() ?? "", StringComparison.Ordinal);
        Assert.True(await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).AnyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync("/projects/1/money")).StatusCode);
    }

    [Fact]
    public async Task Residents_and_volunteers_are_turned_away()
    {
        foreach (var user in new[] { "resident", "volunteer" })
        {
            var client = await Portal.ClientForAsync(user);
            Assert.StartsWith("/account/access-denied", (await client.GetAsync(Money)).RedirectPath() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_free_service_has_no_fee_income_to_record()
    {
        var staff = await Portal.ClientForAsync("staff");

        var page = await staff.GetAsync("/projects/2/money/income/create");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("本服务为无偿服务，没有收费收入可登记。", await page.BodyAsync(), StringComparison.Ordinal);
        var post = await staff.PostFormAsync(Money, "/projects/2/money/income/create", new() { ["Amount"] = "20", ["ReceivedOn"] = Day(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);

        Assert.False(await Portal.WithDbAsync(db => db.FeeIncome.Where(f => Theirs.Contains(f.ProjectId)).AnyAsync()));
        Assert.DoesNotContain("/money/income/create", await staff.GetStringAsync(Money), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fees_of_a_low_cost_service_are_recorded_shown_and_deleted()
    {
        var staff = await Portal.ClientForAsync("staff");
        const string create = "/projects/3/money/income/create";

        var refused = await staff.PostFormAsync(create, create, new() { ["Amount"] = "-5", ["ReceivedOn"] = Day(-1), ["Payer"] = "王女士" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("value=\"王女士\"", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("/projects/3/money", (await staff.PostFormAsync(create, create, new() { ["Amount"] = "300", ["ReceivedOn"] = Day(-1), ["Payer"] = "王女士", ["ReceiptNumber"] = "SF-12" })).RedirectPath());
        Assert.Equal("/projects/3/money", (await staff.SubmitFormAsync(create, create, new() { ["Payer"] = "李先生" })).RedirectPath());

        var html = await staff.GetStringAsync("/projects/3/money");
        Assert.Contains("¥600.00", html, StringComparison.Ordinal);
        Assert.Contains("SF-12", html, StringComparison.Ordinal);
        var first = await Portal.WithDbAsync(db => db.FeeIncome.Where(f => Theirs.Contains(f.ProjectId)).Where(f => f.Payer == "王女士").Select(f => f.Id).SingleAsync());
        Assert.Equal("/projects/3/money", (await staff.SubmitFormAsync("/projects/3/money", $"/fee-income/{first}/delete")).RedirectPath());
        Assert.Equal(["李先生"], await Portal.WithDbAsync(db => db.FeeIncome.Where(f => Theirs.Contains(f.ProjectId)).Select(f => f.Payer).ToListAsync()));
    }

    [Fact]
    public async Task Spending_is_refused_without_an_approved_plan_or_after_the_project_finished()
    {
        var staff = await Portal.ClientForAsync("staff");
        var returnedPlan = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "家政服务培训").Select(p => p.Id).SingleAsync());
        var closed = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "老年人助餐服务").Select(p => p.Id).SingleAsync());

        var noPlan = await staff.GetAsync($"/projects/{returnedPlan}/money/expenses/create");
        Assert.Equal(HttpStatusCode.BadRequest, noPlan.StatusCode);
        Assert.Contains("本项目还没有已批准的计划", await noPlan.BodyAsync(), StringComparison.Ordinal);
        var finished = await staff.PostFormAsync($"/projects/{closed}/money", $"/projects/{closed}/money/expenses/create", new() { ["Amount"] = "10" });
        Assert.Equal(HttpStatusCode.BadRequest, finished.StatusCode);
        Assert.Contains("项目已结束，账目不能再修改。", await finished.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/projects/{closed}/money/income/create")).StatusCode);

        Assert.DoesNotContain("/money/expenses/create", await staff.GetStringAsync($"/projects/{closed}/money"), StringComparison.Ordinal);
        Assert.False(await Portal.WithDbAsync(db => db.Expenses.Where(e => Theirs.Contains(e.ProjectId)).AnyAsync()));
    }

    [Fact]
    public async Task The_export_is_a_workbook()
    {
        await AddExpensesAsync(("物资与耗材", FundingSource.StateFunding, 88m));
        var manager = await Portal.ClientForAsync("manager");

        var response = await manager.GetAsync("/projects/2/money/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }
}
