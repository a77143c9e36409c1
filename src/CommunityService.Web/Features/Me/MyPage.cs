using CommunityService.Data.Catalog;
using CommunityService.Data.Participation;
using CommunityService.Data.Residents;

namespace CommunityService.Web.Features.Me;

public sealed record MyPage(bool HasProfile, List<MySignUp> SignUps, List<MyHomeVisit> HomeVisits, List<MySurvey> Surveys, List<MyService> Services)
{
    public IEnumerable<MySurvey> ToAnswer => Surveys.Where(s => s.IsToAnswer).OrderBy(s => s.Title, StringComparer.Ordinal);

    public IEnumerable<MySurvey> Answered => Surveys.Where(s => s.SubmittedAt is not null).OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.SurveyId);
}

public sealed record MySignUp(int Id, string Session, DateTime StartsAt, DateTime EndsAt, string Place, string Project, SignUpStatus Status, bool CanCancel);

public sealed record MyHomeVisit(
    int Id, string Project, string? Need, DateOnly PreferredFrom, DateOnly PreferredTo, TimeOfDay PreferredTime, HomeVisitStatus Status,
    DateTime? ScheduledAt, string DeclineReason)
{
    public bool IsOpen => Status is HomeVisitStatus.Submitted or HomeVisitStatus.Accepted or HomeVisitStatus.Scheduled;
}

/// <summary>A survey the resident answered (<see cref="SubmittedAt"/>), or a satisfaction questionnaire of a project they took part in, open for them.</summary>
public sealed record MySurvey(int SurveyId, string Title, DateTime? SubmittedAt, bool IsOpen, string? Project)
{
    public bool IsToAnswer => SubmittedAt is null && IsOpen;
}

public sealed record MyService(int Id, string Project, DateTime DeliveredAt, string Description, DeliveryMode Mode, int DurationMinutes, int? MyRating);

/// <summary>The consent side of the profile page: whether it stands, the wording to read, and its history.</summary>
public sealed record ConsentState(bool HasProfile, DateTime? GivenAt, string? GivenVersion, string Wording, List<ConsentRow> History)
{
    public bool Stands => GivenAt is not null;

    /// <summary>Consent to an older wording still stands, but the resident is asked to read the current one.</summary>
    public bool IsOutdated => Stands && GivenVersion != SensitiveConsent.WordingVersion;
}

