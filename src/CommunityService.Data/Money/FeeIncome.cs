using CommunityService.Data.Projects;

namespace CommunityService.Data.Money;

/// <summary>Fees taken for a paid or low-cost service (有偿服务收入).</summary>
public class FeeIncome
{
    public const int TextMaxLength = 200;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public decimal Amount { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public string Payer { get; set; } = "";
    public string ReceiptNumber { get; set; } = "";
    public string RecordedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
