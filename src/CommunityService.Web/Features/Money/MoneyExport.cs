using CommunityService.Data.Money;
using CommunityService.Data.Plans;

namespace CommunityService.Web.Features.Money;

/// <summary>
/// A project's money as a workbook, beside the money page's queries: the budget lines with their balance, the funding
/// sources, every expense and every fee income. <c>Q</c> translates a sheet name, a column or a word.
/// </summary>
public static class MoneyExport
{
    public static Dictionary<string, object> Sheets(BudgetBalance balance, IReadOnlyList<ExpenseRow> expenses, IReadOnlyList<IncomeRow> income, Func<string, string> Q)
    {
        string Source(FundingSource s) => Q($"FundingSource.{s}");
        return new Dictionary<string, object>
        {
            [Q("Budget lines")] = balance.Lines.Select(b => new Dictionary<string, object>
            {
                [Q("Budget item")] = b.Item, [Q("Funding source")] = Source(b.Source), [Q("Planned")] = b.Planned, [Q("Spent")] = b.Spent,
                [Q("Balance")] = b.Balance, [Q("Note")] = b.IsOverBudget ? Q("Over budget") : b.InPlan ? "" : Q("Not in the plan"),
            }).ToList(),
            [Q("By funding source")] = balance.Sources.Select(s => new Dictionary<string, object>
            {
                [Q("Funding source")] = Source(s.Source), [Q("Planned")] = s.Planned, [Q("Spent")] = s.Spent, [Q("Balance")] = s.Balance,
            }).ToList(),
            [Q("Expenses")] = expenses.Select(e => new Dictionary<string, object>
            {
                [Q("Date")] = e.SpentOn.ToString("yyyy-MM-dd"), [Q("Budget item")] = e.Item, [Q("Funding source")] = Source(e.Source), [Q("Amount (yuan)")] = e.Amount,
                [Q("Receipt number")] = e.ReceiptNumber, [Q("What it was for")] = e.Description, [Q("Recorded by")] = e.RecordedBy,
            }).ToList(),
            [Q("Fee income")] = income.Select(f => new Dictionary<string, object>
            {
                [Q("Date")] = f.ReceivedOn.ToString("yyyy-MM-dd"), [Q("Amount (yuan)")] = f.Amount, [Q("Paid by")] = f.Payer,
                [Q("Receipt number")] = f.ReceiptNumber, [Q("Recorded by")] = f.RecordedBy,
            }).ToList(),
        };
    }
}
