namespace CommunityService.Data.Projects;

/// <summary>
/// The answer of a stage gate: what is still missing, in plain sentences. The sentences double as
/// localization keys, so the UI shows them in the reader's language.
/// </summary>
public sealed record GateCheck(IReadOnlyList<string> Missing)
{
    public static readonly GateCheck Passed = new([]);

    public bool IsPassed => Missing.Count == 0;

    public static GateCheck Fail(params string[] missing) => new(missing);
}

public static class GateMessages
{
    public const string NotNextStage = "The project can only move to its next stage.";
    public const string ProjectFinished = "The project is finished and cannot change stage.";
    public const string NeedsLinkedNeed = "Link at least one need finding from the community survey.";
    public const string NeedsApprovedDecision = "A manager must approve the project decision, with a reason.";
    public const string NeedsApprovedPlan = "A manager must approve the service plan.";
    public const string NeedsPublishedNotice = "Publish at least one service notice.";
    public const string NeedsServiceRecord = "Record at least one service delivered.";
    public const string NeedsApprovedFinalEvaluation = "A manager must approve the final evaluation report.";
    public const string ReasonRequired = "A reason is required.";
    public const string DecisionOnlyInDecisionStage = "A decision can only be made while the project is in the Decision stage.";
}
