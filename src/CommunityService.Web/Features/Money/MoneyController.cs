using CommunityService.Data;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Money;

/// <summary>
/// Spending against the approved plan's budget lines, fee income, and the balance per line and per funding source.
/// Sums come from the database grouped by item and source; the arithmetic on them is <see cref="BudgetBalance"/>'s.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class MoneyController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private const int ListSize = 50;

    private DateOnly Today => DateOnly.FromDateTime(time.Now);

    [HttpGet("/projects/{projectId:int}/money")]
    public async Task<IActionResult> Index(int projectId, CancellationToken ct)
    {
        var access = await OpenAsync(projectId, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        var (balance, expenseCount, incomeCount) = await BalanceAsync(project, ct);
        var expenses = await ExpenseRows(projectId).Take(ListSize).ToListAsync(ct);
        var income = await IncomeRows(projectId).Take(ListSize).ToListAsync(ct);
        return View(new MoneyPage(project, balance, expenses, expenseCount, income, incomeCount,
            MoneyRules.CanChangeSpending(project.Stage, project.PlanId is not null), MoneyRules.CanChangeFeeIncome(project.Stage, project.FeeTier)));
    }

    [HttpGet("/projects/{projectId:int}/money/export")]
    public async Task<IActionResult> Export(int projectId, [FromServices] AuditTrail audit, CancellationToken ct)
    {
        var access = await OpenAsync(projectId, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        var (balance, _, _) = await BalanceAsync(project, ct);
        var expenses = await ExpenseRows(projectId).ToListAsync(ct);
        var income = await IncomeRows(projectId).ToListAsync(ct);
        var file = await this.WorkbookAsync(MoneyExport.Sheets(balance, expenses, income, key => l[key].Value), $"project-{projectId}-money-{Today:yyyyMMdd}.xlsx", ct);
        // The fee payers' names leave the portal: personal data.
        await audit.WriteAsync(User, AuditAction.PersonalDataExported, AuditRecordType.Money, projectId, AuditResult.Succeeded, "", ct);
        return file;
    }

    [HttpGet("/projects/{projectId:int}/money/expenses/create")]
    public async Task<IActionResult> CreateExpense(int projectId, CancellationToken ct)
    {
        var access = await OpenForSpendingAsync(projectId, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        return View("Expense", await FillAsync(new ExpenseForm { SpentOn = Today }, project, null, ct));
    }

    [HttpPost("/projects/{projectId:int}/money/expenses/create")]
    public async Task<IActionResult> CreateExpense(int projectId, ExpenseForm form, [FromServices] IValidator<ExpenseForm> validator, CancellationToken ct)
    {
        var access = await OpenForSpendingAsync(projectId, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        await FillAsync(form, project, null, ct);
        var line = await CheckExpenseAsync(form, project, validator, ct);
        if (line is null)
        {
            return this.InvalidForm(form, "Expense");
        }
        var expense = new Expense
        {
            ProjectId = projectId, BudgetItem = line.Item, Source = line.Source, RecordedById = User.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Copy(form, expense);
        db.Expenses.Add(expense);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The expense is recorded."].Value;
        await WarnIfOverBudgetAsync(project, line.Item, line.Source, ct);
        return RedirectToAction(nameof(Index), new { projectId });
    }

    [HttpGet("/expenses/{id:int}/edit")]
    public async Task<IActionResult> EditExpense(int id, CancellationToken ct)
    {
        var expense = await db.Expenses.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        var access = await OpenForSpendingAsync(expense?.ProjectId, ct);
        if (expense is null || !access.Granted)
        {
            return access.Refusal ?? NotFound();
        }
        var project = access.Record;
        var form = await FillAsync(new ExpenseForm
        {
            Amount = expense.Amount, SpentOn = expense.SpentOn, ReceiptNumber = expense.ReceiptNumber, Description = expense.Description, Version = expense.Version,
        }, project, expense, ct);
        form.BudgetLineId = form.Unplanned?.Id ?? form.Lines.FirstOrDefault(b => b.Item == expense.BudgetItem && b.Source == expense.Source)?.Id;
        return View("Expense", form);
    }

    [HttpPost("/expenses/{id:int}/edit")]
    public async Task<IActionResult> EditExpense(int id, ExpenseForm form, [FromServices] IValidator<ExpenseForm> validator, CancellationToken ct)
    {
        var expense = await db.Expenses.FirstOrDefaultAsync(e => e.Id == id, ct);
        var access = await OpenForSpendingAsync(expense?.ProjectId, ct);
        if (expense is null || !access.Granted)
        {
            return access.Refusal ?? NotFound();
        }
        var project = access.Record;
        await FillAsync(form, project, expense, ct);
        var line = await CheckExpenseAsync(form, project, validator, ct);
        if (line is null)
        {
            return this.InvalidForm(form, "Expense");
        }
        db.ExpectVersion(expense, form.Version);
        (expense.BudgetItem, expense.Source) = (line.Item, line.Source);
        Copy(form, expense);
        if (!await db.TrySaveAsync(ct))
        {
            return this.ConflictForm(form, "Expense");
        }
        TempData["Message"] = l["The expense is saved."].Value;
        await WarnIfOverBudgetAsync(project, line.Item, line.Source, ct);
        return RedirectToAction(nameof(Index), new { projectId = project.Id });
    }

    [HttpPost("/expenses/{id:int}/delete")]
    public async Task<IActionResult> DeleteExpense(int id, [FromForm] int version, CancellationToken ct)
    {
        var expense = await db.Expenses.FirstOrDefaultAsync(e => e.Id == id, ct);
        var access = await OpenForSpendingAsync(expense?.ProjectId, ct);
        if (expense is null || !access.Granted)
        {
            return access.Refusal ?? NotFound();
        }
        var project = access.Record;
        db.ExpectVersion(expense, version);
        db.Expenses.Remove(expense);
        if (!await db.TrySaveAsync(ct))
        {
            return this.Refuse(l[FormExtensions.ConflictMessage], MoneyUrl(project.Id), StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["The expense is deleted."].Value;
        return RedirectToAction(nameof(Index), new { projectId = project.Id });
    }

    [HttpGet("/projects/{projectId:int}/money/income/create")]
    public async Task<IActionResult> CreateIncome(int projectId, CancellationToken ct)
    {
        var access = await OpenAsync(projectId, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        var gate = MoneyRules.CanChangeFeeIncome(project.Stage, project.FeeTier);
        if (!gate.IsPassed)
        {
            return this.Refuse(l[gate.Missing[0]], MoneyUrl(projectId));
        }
        return View("Income", new FeeIncomeForm { ProjectId = projectId, ProjectName = project.Name, ReceivedOn = Today, Amount = project.FeeAmount > 0 ? project.FeeAmount : null });
    }

    [HttpPost("/projects/{projectId:int}/money/income/create")]
    public async Task<IActionResult> CreateIncome(int projectId, FeeIncomeForm form, [FromServices] IValidator<FeeIncomeForm> validator, CancellationToken ct)
    {
        var access = await OpenAsync(projectId, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        var gate = MoneyRules.CanChangeFeeIncome(project.Stage, project.FeeTier);
        if (!gate.IsPassed)
        {
            return this.Refuse(l[gate.Missing[0]], MoneyUrl(projectId));
        }
        (form.ProjectId, form.ProjectName) = (projectId, project.Name);
        var valid = await this.ValidateFormAsync(form, validator, ct);
        if (valid && MoneyRules.CheckDate(form.ReceivedOn!.Value, project.CreatedOn, Today) is { } dateProblem)
        {
            ModelState.AddModelError(nameof(form.ReceivedOn), l[dateProblem]);
            valid = false;
        }
        if (!valid)
        {
            return this.InvalidForm(form, "Income");
        }
        db.FeeIncome.Add(new FeeIncome
        {
            ProjectId = projectId, Amount = form.Amount!.Value, ReceivedOn = form.ReceivedOn!.Value, Payer = form.Payer.Trim(), ReceiptNumber = form.ReceiptNumber.Trim(),
            RecordedById = User.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The fee income is recorded."].Value;
        return RedirectToAction(nameof(Index), new { projectId });
    }

    [HttpPost("/fee-income/{id:int}/delete")]
    public async Task<IActionResult> DeleteIncome(int id, CancellationToken ct)
    {
        var income = await db.FeeIncome.FirstOrDefaultAsync(f => f.Id == id, ct);
        var access = await OpenAsync(income?.ProjectId, ct);
        if (income is null || !access.Granted)
        {
            return access.Refusal ?? NotFound();
        }
        var project = access.Record;
        // Income wrongly recorded can be taken back even if the plan later became free; only a finished project's accounts are closed.
        if (project.Stage.IsFinished())
        {
            return this.Refuse(l[MoneyRules.ProjectFinished], MoneyUrl(project.Id));
        }
        db.FeeIncome.Remove(income);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The fee income is deleted."].Value;
        return RedirectToAction(nameof(Index), new { projectId = project.Id });
    }

    private string? MoneyUrl(int projectId) => Url.Action(nameof(Index), new { projectId });

    /// <summary>The project when the person works in its community; else 404 (no such project) or 403.</summary>
    private async Task<RecordAccess<MoneyProject>> OpenAsync(int? projectId, CancellationToken ct) =>
        await this.OpenInCommunityAsync(authorization, projectId is { } id ? await FactsAsync(id, ct) : null, p => p.CommunityId);

    /// <summary>As <see cref="OpenAsync"/>, and spending may change now (an approved plan, a project not finished); else a 400 page.</summary>
    private async Task<RecordAccess<MoneyProject>> OpenForSpendingAsync(int? projectId, CancellationToken ct)
    {
        var access = await OpenAsync(projectId, ct);
        if (!access.Granted)
        {
            return access;
        }
        var gate = MoneyRules.CanChangeSpending(access.Record.Stage, access.Record.PlanId is not null);
        return gate.IsPassed ? access : new RecordAccess<MoneyProject>(this.Refuse(l[gate.Missing[0]], MoneyUrl(access.Record.Id)));
    }

    private async Task<MoneyProject?> FactsAsync(int projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Id, p.Name, p.CommunityId, p.Stage, p.CreatedAt,
                Plan = p.Plans.Where(x => x.Status == PlanStatus.Approved).OrderByDescending(x => x.VersionNumber)
                    .Select(x => new { x.Id, x.VersionNumber, x.FeeTier, x.FeeAmount }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return project is null ? null : new MoneyProject(project.Id, project.Name, project.CommunityId, project.Stage,
            DateOnly.FromDateTime(time.Local(project.CreatedAt)), project.Plan?.Id, project.Plan?.VersionNumber, project.Plan?.FeeTier, project.Plan?.FeeAmount ?? 0m);
    }

    private async Task<(BudgetBalance Balance, int ExpenseCount, int IncomeCount)> BalanceAsync(MoneyProject project, CancellationToken ct)
    {
        var lines = project.PlanId is { } planId
            ? await db.PlanBudgetLines.AsNoTracking().Where(b => b.PlanId == planId).OrderBy(b => b.Id).ToListAsync(ct)
            : [];
        var spent = await db.Expenses.Where(e => e.ProjectId == project.Id)
            .GroupBy(e => new { e.BudgetItem, e.Source })
            .Select(g => new { g.Key.BudgetItem, g.Key.Source, Spent = g.Sum(e => e.Amount), Count = g.Count() })
            .ToListAsync(ct);
        var income = await db.FeeIncome.Where(f => f.ProjectId == project.Id)
            .GroupBy(f => f.ProjectId)
            .Select(g => new { Total = g.Sum(f => f.Amount), Count = g.Count() })
            .FirstOrDefaultAsync(ct);
        var balance = BudgetBalance.Of(lines, spent.Select(s => (s.BudgetItem, s.Source, s.Spent)), income?.Total ?? 0m);
        return (balance, spent.Sum(s => s.Count), income?.Count ?? 0);
    }

    private IQueryable<ExpenseRow> ExpenseRows(int projectId) =>
        db.Expenses.AsNoTracking().Where(e => e.ProjectId == projectId)
            .OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.Id)
            .Select(e => new ExpenseRow(e.Id, e.BudgetItem, e.Source, e.Amount, e.SpentOn, e.ReceiptNumber, e.Description,
                db.Users.Where(u => u.Id == e.RecordedById).Select(u => u.DisplayName).FirstOrDefault() ?? "", e.Version));

    private IQueryable<IncomeRow> IncomeRows(int projectId) =>
        db.FeeIncome.AsNoTracking().Where(f => f.ProjectId == projectId)
            .OrderByDescending(f => f.ReceivedOn).ThenByDescending(f => f.Id)
            .Select(f => new IncomeRow(f.Id, f.Amount, f.ReceivedOn, f.Payer, f.ReceiptNumber,
                db.Users.Where(u => u.Id == f.RecordedById).Select(u => u.DisplayName).FirstOrDefault() ?? ""));

    /// <summary>Puts the project and the approved plan's lines on the form; on an edit, the expense's own item if the plan dropped it.</summary>
    private async Task<ExpenseForm> FillAsync(ExpenseForm form, MoneyProject project, Expense? expense, CancellationToken ct)
    {
        (form.ProjectId, form.ProjectName, form.ExpenseId) = (project.Id, project.Name, expense?.Id ?? 0);
        form.Lines = await db.PlanBudgetLines.AsNoTracking().Where(b => b.PlanId == project.PlanId).OrderBy(b => b.Id)
            .Select(b => new BudgetChoice(b.Id, b.Item, b.Source, b.Amount)).ToListAsync(ct);
        if (expense is not null && !form.Lines.Any(b => b.Item == expense.BudgetItem && b.Source == expense.Source))
        {
            form.Unplanned = new BudgetChoice(ExpenseForm.KeepItem, expense.BudgetItem, expense.Source, 0m);
        }
        return form;
    }

    /// <summary>Validates the form; the line it spends against (from the plan, or the kept unplanned one), or null with messages.</summary>
    private async Task<BudgetChoice?> CheckExpenseAsync(ExpenseForm form, MoneyProject project, IValidator<ExpenseForm> validator, CancellationToken ct)
    {
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return null;
        }
        var line = form.BudgetLineId == ExpenseForm.KeepItem ? form.Unplanned : form.Lines.FirstOrDefault(b => b.Id == form.BudgetLineId);
        if (line is null)
        {
            ModelState.AddModelError(nameof(form.BudgetLineId), l[MoneyRules.NotABudgetLine]);
        }
        if (MoneyRules.CheckDate(form.SpentOn!.Value, project.CreatedOn, Today) is { } dateProblem)
        {
            ModelState.AddModelError(nameof(form.SpentOn), l[dateProblem]);
            return null;
        }
        return line;
    }

    private static void Copy(ExpenseForm form, Expense expense)
    {
        expense.Amount = form.Amount!.Value;
        expense.SpentOn = form.SpentOn!.Value;
        expense.ReceiptNumber = form.ReceiptNumber.Trim();
        expense.Description = form.Description.Trim();
    }

    /// <summary>Saving is never refused for going over: the money is spent. The person is told, and the page marks the line.</summary>
    private async Task WarnIfOverBudgetAsync(MoneyProject project, string item, FundingSource source, CancellationToken ct)
    {
        var (balance, _, _) = await BalanceAsync(project, ct);
        if (balance.Line(item, source) is { IsOverBudget: true } line)
        {
            TempData["Warning"] = line.InPlan
                ? l["“{0}” ({1}) is now over its budget by {2}.", line.Item, l[$"FundingSource.{line.Source}"], Yuan.Format(-line.Balance)].Value
                : l["“{0}” ({1}) is not in the approved plan: this spending has no budget.", line.Item, l[$"FundingSource.{line.Source}"]].Value;
        }
    }
}
