using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Decisions;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Publicity;

namespace CommunityService.Data.Projects;

/// <summary>
/// A service project on its way through the pipeline. Every stage change goes through
/// <see cref="AdvanceTo"/>, which checks the gate; callers load the collections the gate reads.
/// </summary>
public class ServiceProject : IVersioned
{
    public const int NameMaxLength = 100;
    public const int SummaryMaxLength = 2000;
    public const int ResourcesMaxLength = 1000;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Summary { get; set; } = "";
    public ServiceCategory Category { get; set; }
    public int ServiceTypeId { get; set; }
    public ServiceType? ServiceType { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public ProjectStage Stage { get; private set; } = ProjectStage.Survey;
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The proposal (服务项目的决定): who it would reach, what community resources it would use, roughly what it costs.</summary>
    public int ExpectedBeneficiaries { get; set; }
    public string ResourcesToUse { get; set; } = "";
    public decimal RoughBudget { get; set; }

    public List<ProjectTargetGroup> TargetGroups { get; set; } = [];
    public List<ProjectOpinion> Opinions { get; set; } = [];
    public List<StageChange> StageHistory { get; set; } = [];
    public List<NeedFinding> Needs { get; set; } = [];
    public List<ProjectDecision> Decisions { get; set; } = [];
    public List<ServicePlan> Plans { get; set; } = [];
    public List<Notice> Notices { get; set; } = [];
    public List<ServiceRecord> Records { get; set; } = [];
    public List<EvaluationReport> Evaluations { get; set; } = [];

    public ProjectStage? NextStage => Stage.Next();

    public ServicePlan? CurrentPlan => Plans.OrderByDescending(p => p.VersionNumber).FirstOrDefault();

    public ServicePlan? ApprovedPlan => Plans.Where(p => p.Status == PlanStatus.Approved).OrderByDescending(p => p.VersionNumber).FirstOrDefault();

    public ProjectDecision? LatestDecision => Decisions.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).FirstOrDefault();

    /// <summary>What the gate into <paramref name="next"/> still needs; empty when the project may move.</summary>
    public GateCheck CheckGate(ProjectStage next)
    {
        if (Stage.IsFinished())
        {
            return GateCheck.Fail(GateMessages.ProjectFinished);
        }
        if (Stage.Next() != next)
        {
            return GateCheck.Fail(GateMessages.NotNextStage);
        }

        var missing = new List<string>();
        switch (next)
        {
            case ProjectStage.Decision:
                if (Needs.Count == 0)
                {
                    missing.Add(GateMessages.NeedsLinkedNeed);
                }
                break;
            case ProjectStage.Plan:
                if (LatestDecision?.Outcome != DecisionOutcome.Approve)
                {
                    missing.Add(GateMessages.NeedsApprovedDecision);
                }
                break;
            case ProjectStage.Publicity:
                if (!Plans.Any(p => p.Status == PlanStatus.Approved))
                {
                    missing.Add(GateMessages.NeedsApprovedPlan);
                }
                if (!Notices.Any(n => n.Status == NoticeStatus.Published))
                {
                    missing.Add(GateMessages.NeedsPublishedNotice);
                }
                break;
            case ProjectStage.Execution:
                if (!Notices.Any(n => n.Status == NoticeStatus.Published))
                {
                    missing.Add(GateMessages.NeedsPublishedNotice);
                }
                break;
            case ProjectStage.Evaluation:
                if (Records.Count == 0)
                {
                    missing.Add(GateMessages.NeedsServiceRecord);
                }
                break;
            case ProjectStage.Closed:
                if (!Evaluations.Any(e => e.Timing == EvaluationTiming.Final && e.Status == ReportStatus.Approved))
                {
                    missing.Add(GateMessages.NeedsApprovedFinalEvaluation);
                }
                break;
        }
        return new GateCheck(missing);
    }

    public GateCheck AdvanceTo(ProjectStage next, string actorId, string reason, DateTime now)
    {
        var check = CheckGate(next);
        if (check.IsPassed)
        {
            MoveTo(next, actorId, reason, now);
        }
        return check;
    }

    /// <summary>A manager's decision on the proposal (服务项目的决定). Approve moves the project to Plan.</summary>
    public GateCheck Decide(DecisionOutcome outcome, string reason, string managerId, DateTime now)
    {
        if (Stage != ProjectStage.Decision)
        {
            return GateCheck.Fail(GateMessages.DecisionOnlyInDecisionStage);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return GateCheck.Fail(GateMessages.ReasonRequired);
        }
        Decisions.Add(new ProjectDecision { Outcome = outcome, Reason = reason.Trim(), DecidedById = managerId, DecidedAt = now });
        return outcome switch
        {
            DecisionOutcome.Approve => AdvanceTo(ProjectStage.Plan, managerId, reason, now),
            DecisionOutcome.Reject => MoveTo(ProjectStage.Rejected, managerId, reason, now),
            _ => Touch(now),
        };
    }

    public GateCheck Cancel(string reason, string actorId, DateTime now)
    {
        if (Stage.IsFinished())
        {
            return GateCheck.Fail(GateMessages.ProjectFinished);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return GateCheck.Fail(GateMessages.ReasonRequired);
        }
        return MoveTo(ProjectStage.Cancelled, actorId, reason, now);
    }

    private GateCheck MoveTo(ProjectStage next, string actorId, string reason, DateTime now)
    {
        StageHistory.Add(new StageChange { From = Stage, To = next, ActorId = actorId, Reason = reason.Trim(), At = now });
        Stage = next;
        return Touch(now);
    }

    private GateCheck Touch(DateTime now)
    {
        UpdatedAt = now;
        return GateCheck.Passed;
    }
}
