namespace CommunityService.Web.Shared.Forms;

/// <summary>Who may be a representative: shared by this page and the administrator's account form.</summary>
public static class RepresentativeRules
{
    public const string OnlyResidents = "Only residents can be resident representatives.";
    public const string NeedsCommunity = "A resident representative needs a community.";
}
