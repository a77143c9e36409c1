using CommunityService.Data.Catalog;
using CommunityService.Data.Participation;
using CommunityService.Data.Publicity;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityService.Web.Features.Notices;

public sealed record NoticePrint(int Id, string Title, string Body, string Audience, string Schedule, string Place, string Fee,
    string HowToJoin, string Contact, string Community)
{
    public string Url { get; init; } = "";
    public string QrCode { get; init; } = "";
}

public sealed class NoticeFilter
{
    public const int MaxWords = 5;

    public string? Q { get; set; }
    public ServiceCategory? Category { get; set; }
    public int? Community { get; set; }
    public FeeTier? Fee { get; set; }
    public TargetGroup? Group { get; set; }
    public DeliveryMode? Mode { get; set; }

    /// <summary>The search words: split on spaces (ASCII or full-width), at most five, each at most 50 characters.</summary>
    public IEnumerable<string> Words() =>
        (Q ?? "").Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Length > 50 ? w[..50] : w).Distinct().Take(MaxWords);
}

public sealed record NoticeBoard(NoticeFilter Filter, IReadOnlyList<SelectListItem> Communities, Page<NoticeRow> Rows);

public sealed record SessionOffer(int Id, string Title, DateTime StartsAt, DateTime EndsAt, string Place, int Capacity, int PlacesTaken, bool IsOpen)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}

public sealed record NoticePage(int Id, int ProjectId, string Title, string Body, string Audience, string Schedule, string Place, string Fee,
    string HowToJoin, string Contact, DateTime? PublishedAt, ServiceCategory Category, string Community, string ServiceType,
    string ProjectName, DeliveryMode? Mode)
{
    public IReadOnlyList<SessionOffer> Sessions { get; init; } = [];
    public IReadOnlyDictionary<int, SignUpStatus> MySignUps { get; init; } = new Dictionary<int, SignUpStatus>();
    public bool OffersSignUp => NoticeQueries.OffersSignUp(Mode);
    public bool OffersHomeVisits => NoticeQueries.OffersHomeVisits(Mode);
}

public sealed record NoticeFacts(string Audience, string Schedule, string Place, string Fee, string HowToJoin, string Contact);
