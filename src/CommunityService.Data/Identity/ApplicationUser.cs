using CommunityService.Data.Communities;
using Microsoft.AspNetCore.Identity;

namespace CommunityService.Data.Identity;

public class ApplicationUser : IdentityUser, IVersioned
{
    public const int DisplayNameMaxLength = 50;
    public const int UserNameMaxLength = 50;

    public string DisplayName { get; set; } = "";
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public bool IsDisabled { get; set; }

    /// <summary>居民代表: a resident who gives opinions on the proposals of their own community.</summary>
    public bool IsRepresentative { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}
