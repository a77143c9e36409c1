using CommunityService.Web.Shared.Mvc;

namespace CommunityService.Web.Features.Feedback;

public sealed record ReceivedService(int Id, int ProjectId, int? SessionId, string Description, DateTime DeliveredAt, string Project);

public sealed record FeedbackPage(ReceivedService Service, FeedbackForm Form);

public sealed record FeedbackSummary(int Count, double Average, int Satisfied)
{
    public double SatisfiedShare => Count == 0 ? 0 : (double)Satisfied / Count;
}

public sealed record FeedbackRow(int Rating, string Comment, DateTime At, string Service, string? Session);

public sealed record FeedbackList(int ProjectId, string ProjectName, int? Session, FeedbackSummary Summary, Page<FeedbackRow> Rows);
