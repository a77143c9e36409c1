using CommunityService.Data.Catalog;
using CommunityService.Data.Decisions;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Forms;

namespace CommunityService.Web.Features.Decisions;

public sealed record ProposalNeed(int Id, string Text);

public sealed record ProposalView(
    int Id, string Name, string Summary, ServiceCategory Category, string ServiceType, int CommunityId, string Community, ProjectStage Stage,
    List<TargetGroup> TargetGroups, List<ProposalNeed> Needs, int ExpectedBeneficiaries, string ResourcesToUse, decimal RoughBudget)
{
    public ProposalResource Resource => new(Id, CommunityId, Stage);
}

/// <summary>One opinion: a representative's own (online), or one voiced at a meeting and typed in by staff.</summary>
public sealed record OpinionRow(
    OpinionStance Stance, string Comment, OpinionSource Source, string? GivenById, string GivenBy,
    string SpeakerName, string MeetingName, DateTime At, string RecordedBy);

public sealed record DecisionRow(DecisionOutcome Outcome, string Reason, string DecidedBy, DateTime DecidedAt);

public sealed record ProposalPage(ProposalView Proposal, IReadOnlyList<OpinionRow> Opinions, IReadOnlyList<DecisionRow> Decisions)
{
    public bool IsStaff { get; init; }
    public bool CanGiveOpinion { get; init; }
    public bool CanRecordMeetingOpinion { get; init; }
    public bool CanDecide { get; init; }
    public bool HasOwnOpinion { get; init; }
    public OpinionForm Opinion { get; init; } = new();
    public MeetingOpinionForm MeetingOpinion { get; init; } = new();
    public DecisionForm Decision { get; init; } = new() { FromProposal = true };

    /// <summary>The form that was sent and came back with messages; the others show none.</summary>
    public string? Posted { get; init; }

    public int Count(OpinionStance stance) => Opinions.Count(o => o.Stance == stance);
}
