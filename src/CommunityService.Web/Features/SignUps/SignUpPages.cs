namespace CommunityService.Web.Features.SignUps;

public sealed record SessionOfferPage(int NoticeId, string Title, string Fee, int SessionId, string SessionTitle, DateTime StartsAt, DateTime EndsAt,
    string Place, int Capacity, int PlacesTaken, Data.Catalog.DeliveryMode? Mode)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}

public sealed record SignUpPage(SessionOfferPage Offer, SignUpForm Form);
