namespace CommunityService.Data.Residents;

public enum ConsentPurpose
{
    SensitiveFacts,
}

/// <summary>The history of a resident's consents: each giving (with the exact wording shown) and each withdrawal.</summary>
public class ConsentRecord
{
    public const int WordingVersionMaxLength = 40;
    public const int WordingTextMaxLength = 2000;

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public ConsentPurpose Purpose { get; set; }
    public bool Given { get; set; }
    public string WordingVersion { get; set; } = "";
    public string WordingText { get; set; } = "";
    public DateTime At { get; set; }
}
