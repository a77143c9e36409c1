using CommunityService.Data.Plans;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Money;

/// <summary>Money spent against a budget line of the plan (经费支出).</summary>
public class Expense : IVersioned
{
    public const int TextMaxLength = 200;
    public const int ReceiptMaxLength = 50;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }

    /// <summary>The budget item it counts against, by name (plan versions copy their lines; the item name carries across).</summary>
    public string BudgetItem { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly SpentOn { get; set; }
    public FundingSource Source { get; set; }
    public string ReceiptNumber { get; set; } = "";
    public string Description { get; set; } = "";
    public string RecordedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}
