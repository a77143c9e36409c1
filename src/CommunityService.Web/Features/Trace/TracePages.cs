using CommunityService.Data.Catalog;
using CommunityService.Data.Decisions;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;

namespace CommunityService.Web.Features.Trace;

/// <summary>A need finding as the trace shows it: what was found, where, for whom, how urgent.</summary>
public sealed record TraceNeed(
    int Id, string Text, int CommunityId, string Community, ServiceCategory? Category, string? ServiceType, NeedPriority Priority,
    NeedStatus Status, int ResidentsConcerned, string SetAsideReason, int? SurveyId, IReadOnlyList<TargetGroup> Groups);

/// <summary>A survey a need rests on: its title, methods and how many people answered the questionnaire.</summary>
public sealed record TraceSurvey(
    int Id, string Title, bool UsesQuestionnaire, bool UsesInterview, bool UsesObservation, SurveyStatus Status, DateOnly StartDate, DateOnly EndDate, int Responses);

/// <summary>
/// One piece of evidence of a need: the figure staff drew from it, and the question (with its results, counts only) or the
/// interview or observation note (kind, date and community only: the note's people and words stay on the survey's page).
/// </summary>
public sealed record TraceEvidence(int Id, int NeedId, int? SurveyId, string Figure, QuestionResult? Question, TraceFieldNote? Note);

public sealed record TraceFieldNote(int Id, FieldNoteKind Kind, DateTime When, string? Community);

/// <summary>The surveys and evidence of a set of needs.</summary>
public sealed record TraceEvidenceSet(IReadOnlyDictionary<int, TraceSurvey> Surveys, IReadOnlyList<TraceEvidence> Items)
{
    public static readonly TraceEvidenceSet Empty = new(new Dictionary<int, TraceSurvey>(), []);

    public IReadOnlyList<TraceEvidence> Of(int needId) => Items.Where(e => e.NeedId == needId).ToList();

    /// <summary>The surveys a need rests on: the one it was found in and those its evidence comes from, in that order.</summary>
    public IReadOnlyList<TraceSurvey> SurveysOf(TraceNeed need) =>
        new[] { need.SurveyId }.Concat(Of(need.Id).Select(e => e.SurveyId))
            .OfType<int>().Distinct().Where(Surveys.ContainsKey).Select(id => Surveys[id]).ToList();
}

/// <summary>A manager's decision on a project, with the name of who decided.</summary>
public sealed record TraceDecision(int ProjectId, DecisionOutcome Outcome, string Reason, string DecidedBy, DateTime DecidedAt);

/// <summary>A plan version with its objectives as planned and who approved it.</summary>
public sealed record TracePlan(
    int Id, int ProjectId, int VersionNumber, PlanStatus Status, DateOnly StartDate, DateOnly EndDate, string? ReviewedBy, DateTime? ReviewedAt,
    IReadOnlyList<PlanObjective> Objectives);

/// <summary>
/// An evaluation's verdict: the objectives and dimension scores as frozen at submission, and the start of its summary. A draft or
/// returned report has no frozen figures yet.
/// </summary>
public sealed record TraceVerdict(
    int Id, int ProjectId, EvaluationTiming Timing, ReportStatus Status, DateTime CreatedAt, DateTime? SubmittedAt, string? ReviewedBy,
    DateTime? ReviewedAt, int? PlanVersion, string Summary, IReadOnlyList<EvaluationObjective> Objectives, IReadOnlyList<EvaluationDimensionScore> Dimensions)
{
    public bool IsFrozen => Status is ReportStatus.Submitted or ReportStatus.Approved;

    public int AchievedCount => Objectives.Count(o => o.Achieved == true);
}

/// <summary>A project answering the need, followed down the chain: decision, plan in force, what was delivered, the verdicts.</summary>
public sealed record TraceProject(
    int Id, string Name, ProjectStage Stage, ServiceCategory Category, string ServiceType, string Community, TraceDecision? Decision, TracePlan? Plan,
    int? LatestPlanVersion, ProjectFigures Figures, IReadOnlyList<ObjectiveProgress> Progress, IReadOnlyList<TraceVerdict> Verdicts)
{
    public IReadOnlyList<ChainStep> Chain => TraceChain.FromNeed(this);
}

/// <summary>GET /trace/needs/{id}: a need and each project that answers it, down to the evaluations' verdicts.</summary>
public sealed record NeedTracePage(TraceNeed Need, TraceEvidenceSet Evidence, IReadOnlyList<TraceProject> Projects);

/// <summary>An evaluation report's header for the trace, with its project.</summary>
public sealed record TraceReport(
    int Id, int ProjectId, string ProjectName, ProjectStage Stage, ServiceCategory Category, int CommunityId, string Community,
    EvaluationTiming Timing, ReportStatus Status, bool ByInterview, bool ByQuestionnaire, bool ByOtherMeans, string OtherMeans,
    string CreatedBy, DateTime CreatedAt, DateTime? SubmittedAt, string? ReviewedBy, DateTime? ReviewedAt, string ReviewComment,
    string Summary, int? PlanId, int? PeopleServed, int? CorrectsReportId, int? PlanInForceId, int? PlanAtSubmissionId, int? DecisionId)
{
    public bool IsFrozen => Status is ReportStatus.Submitted or ReportStatus.Approved;
}

/// <summary>GET /trace/evaluations/{id}: a report back to its objectives, plan version, decision, needs and their survey evidence.</summary>
public sealed record EvaluationTracePage(
    TraceReport Report, IReadOnlyList<EvaluationObjective> Objectives, IReadOnlyList<EvaluationDimensionScore> Dimensions,
    TracePlan? WrittenAgainst, bool WrittenAgainstInferred, TracePlan? InForce, TraceDecision? Decision, IReadOnlyList<TraceNeed> Needs,
    TraceEvidenceSet Evidence)
{
    public PlanStanding Standing => PlanStandings.Of(WrittenAgainst?.VersionNumber, InForce?.VersionNumber);

    public IReadOnlyList<ChainStep> Chain => TraceChain.FromEvaluation(this);
}

/// <summary>The survey evidence of one need, for the shared partial.</summary>
public sealed record EvidenceView(TraceNeed Need, TraceEvidenceSet Evidence);

/// <summary>A breadcrumb of the chain with the name that tells it apart from the others on the page.</summary>
public sealed record ChainView(string Name, IReadOnlyList<ChainStep> Steps);

/// <summary>An evaluation's objectives as frozen, with the table's caption.</summary>
public sealed record FrozenObjectivesView(string Caption, IReadOnlyList<EvaluationObjective> Objectives);

/// <summary>A plan version's objectives as planned, with the table's caption.</summary>
public sealed record PlannedObjectivesView(string Caption, IReadOnlyList<PlanObjective> Objectives);
