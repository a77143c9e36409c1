using CommunityService.Data.Plans;

namespace CommunityService.Data.Money;

/// <summary>One budget line against what was spent on it. A line not in the plan (dropped by a revision) plans nothing.</summary>
public sealed record LineBalance(string Item, FundingSource Source, decimal Planned, decimal Spent, bool InPlan)
{
    public decimal Balance => Planned - Spent;

    public bool IsOverBudget => Spent > Planned;
}

public sealed record SourceBalance(FundingSource Source, decimal Planned, decimal Spent)
{
    public decimal Balance => Planned - Spent;

    public bool IsOverBudget => Spent > Planned;
}

/// <summary>
/// Spending against the plan's budget: per line, per funding source and in total, with the fee income taken.
/// Pure arithmetic over sums the database already grouped, so the money page and the export agree and a unit test can check it.
/// </summary>
public sealed record BudgetBalance(IReadOnlyList<LineBalance> Lines, IReadOnlyList<SourceBalance> Sources, decimal FeeIncome)
{
    public decimal Planned => Lines.Sum(l => l.Planned);

    public decimal Spent => Lines.Sum(l => l.Spent);

    public decimal Balance => Planned - Spent;

    public bool IsOverBudget => Spent > Planned;

    /// <summary>Spent out of fee income (有偿服务收入), to set against the fees actually received.</summary>
    public decimal SpentFromFeeIncome => Lines.Where(l => l.Source == FundingSource.PaidServiceIncome).Sum(l => l.Spent);

    /// <summary>Fees received and not yet spent; negative when lines funded by fees spent more than came in.</summary>
    public decimal FeeIncomeLeft => FeeIncome - SpentFromFeeIncome;

    public LineBalance? Line(string item, FundingSource source) =>
        Lines.FirstOrDefault(l => l.Source == source && string.Equals(l.Item, item.Trim(), StringComparison.Ordinal));

    public static BudgetBalance Of(IEnumerable<PlanBudgetLine> lines, IEnumerable<(string Item, FundingSource Source, decimal Spent)> spent, decimal feeIncome)
    {
        var spentByLine = spent
            .GroupBy(s => (Item: s.Item.Trim(), s.Source))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Spent));
        // Lines in the plan's order; two lines of one item and source count as one.
        var planned = lines
            .GroupBy(l => (Item: l.Item.Trim(), l.Source))
            .Select(g => new LineBalance(g.Key.Item, g.Key.Source, g.Sum(l => l.Amount), spentByLine.GetValueOrDefault(g.Key), true))
            .ToList();
        var unplanned = spentByLine
            .Where(s => !planned.Any(p => p.Item == s.Key.Item && p.Source == s.Key.Source))
            .OrderBy(s => s.Key.Item, StringComparer.Ordinal).ThenBy(s => s.Key.Source)
            .Select(s => new LineBalance(s.Key.Item, s.Key.Source, 0m, s.Value, false));
        var all = planned.Concat(unplanned).ToList();
        var sources = Enum.GetValues<FundingSource>()
            .Select(source => new SourceBalance(source, all.Where(l => l.Source == source).Sum(l => l.Planned), all.Where(l => l.Source == source).Sum(l => l.Spent)))
            .Where(s => s.Planned != 0 || s.Spent != 0)
            .ToList();
        return new BudgetBalance(all, sources, feeIncome);
    }
}
