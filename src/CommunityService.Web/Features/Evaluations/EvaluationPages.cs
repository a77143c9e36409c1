using CommunityService.Data.Evaluations;
using CommunityService.Data.Money;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;

namespace CommunityService.Web.Features.Evaluations;

/// <summary>A manager's comment on one section of a returned report, shown beside that section and naming it.</summary>
public sealed record ReviewNote(EvaluationSection Section, string? Text);

public sealed record EvaluationProject(int Id, string Name, int CommunityId, string Community, ProjectStage Stage);

public sealed record EvaluationRow(
    int Id, EvaluationTiming Timing, ReportStatus Status, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? ReviewedAt, int? CorrectsReportId, string CreatedBy);

public sealed record EvaluationList(
    EvaluationProject Project, IReadOnlyList<EvaluationRow> Reports, IReadOnlyList<EvaluationTiming> CanStart,
    IReadOnlyList<SatisfactionRow> Questionnaires, bool MayStartSatisfaction);

/// <summary>One of the project's satisfaction questionnaires, newest first.</summary>
public sealed record SatisfactionRow(int Id, string Title, SurveyStatus Status, DateTime CreatedAt, int Responses);

/// <summary>
/// A report with everything it shows. While it is a draft (or returned) the figures are a live preview, refreshed from the records
/// on each view; once submitted they are the frozen ones.
/// </summary>
public sealed record EvaluationPage(
    EvaluationReport Report, EvaluationProject Project, IReadOnlyDictionary<string, string> Names, IReadOnlyList<int> Corrections,
    bool MayReview, EvaluationReviewForm Review)
{
    public bool IsPreview => !Report.IsFrozen;

    /// <summary>The project's satisfaction questionnaire the report is judged by, as it stands, while the report is a live preview; null once frozen.</summary>
    public SatisfactionFigures? LiveSatisfaction { get; init; }

    /// <summary>The report can still change and the project may start a satisfaction questionnaire now.</summary>
    public bool MayStartSatisfaction { get; init; }

    public BudgetBalance Budget { get; } = Report.Budget();

    public string NameOf(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : "";

    /// <summary>The manager's comment on a section, shown beside it while the report is back with the staff.</summary>
    public ReviewNote CommentOn(EvaluationSection section) =>
        new(section, Report.Status == ReportStatus.Returned ? Report.SectionComments.FirstOrDefault(c => c.Section == section)?.Text : null);

    public static readonly EvaluationSection[] Reviewable = Enum.GetValues<EvaluationSection>();
}
