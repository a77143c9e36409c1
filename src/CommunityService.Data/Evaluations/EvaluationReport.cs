using CommunityService.Data.Catalog;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Evaluations;

public enum EvaluationTiming
{
    During,
    Final,
    FollowUp,
}

public enum ReportStatus
{
    Draft,
    Submitted,
    Approved,
    Returned,
}

/// <summary>
/// 评估和总结: an evaluation of a project. Staff draft it and submit it; the figures from the records are frozen at submission,
/// so later records do not change what was reported. A manager approves it or returns it with comments per section. An approved
/// report never changes: a correction is a new report that refers to it. Approving the final one lets the project close.
/// </summary>
public class EvaluationReport : IVersioned
{
    public const int TextMaxLength = 4000;
    public const int OtherMeansMaxLength = 200;

    public const string NeedsSummary = "The evaluation needs a summary.";
    public const string NeedsImprovements = "The evaluation needs the improvements to make.";
    public const string NotEditable = "Only a draft or returned evaluation can be changed.";
    public const string NotSubmitted = "Only a submitted evaluation can be approved or returned.";
    public const string NeedsScores = "Give each of the four dimensions a score from 1 to 5.";
    public const string NeedsManualActuals = "Type the actual figure of each objective counted by hand.";
    public const string NeedsMeans = "Say how the evaluation was done: interview, questionnaire or other means.";
    public const string NeedsSectionComment = "Comment on at least one section to say what needs revising.";
    public const string OnlyApprovedCorrected = "Only an approved evaluation is corrected by a new report; change a draft or returned one directly.";
    public const string NotInExecution = "Evaluations start once the project is in execution.";
    public const string TimingDoesNotFitStage = "This kind of evaluation does not fit the project's stage: a final evaluation in the Evaluation stage, a follow-up after closing.";
    public const string FinalInProgress = "The project already has a final evaluation in progress.";
    public const string StageMovedOn = "The project has moved on from the stage this evaluation belongs to, so it can no longer be submitted. After closing, start a follow-up evaluation instead.";

    /// <summary>What a dimension's score rests on is part of the report: one message per dimension, naming it.</summary>
    public static readonly IReadOnlyDictionary<EvaluationSection, string> NeedsNarrative = new Dictionary<EvaluationSection, string>
    {
        [EvaluationSection.Content] = "Say what the score for the service content rests on.",
        [EvaluationSection.Methods] = "Say what the score for the service methods rests on.",
        [EvaluationSection.Staff] = "Say what the score for the staff rests on.",
        [EvaluationSection.TimeAndPlace] = "Say what the score for the time and place rests on.",
    };

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public EvaluationTiming Timing { get; set; }
    public ReportStatus Status { get; private set; } = ReportStatus.Draft;

    /// <summary>评估方式: several may apply.</summary>
    public bool ByInterview { get; set; }
    public bool ByQuestionnaire { get; set; }
    public bool ByOtherMeans { get; set; }
    public string OtherMeans { get; set; } = "";

    public string Summary { get; set; } = "";
    public string Improvements { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? ReviewedById { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string ReviewComment { get; private set; } = "";

    /// <summary>The approved report this one corrects, if any.</summary>
    public int? CorrectsReportId { get; private set; }
    public EvaluationReport? Corrects { get; private set; }

    /// <summary>Frozen at submission: the plan version in force, the people served, the fee income taken.</summary>
    public int? PlanId { get; private set; }
    public int? PeopleServed { get; private set; }
    public decimal? FeeIncome { get; private set; }

    /// <summary>Frozen at submission: the project's satisfaction questionnaire the figures come from, and how many returned it.</summary>
    public int? SatisfactionSurveyId { get; private set; }
    public int? SatisfactionResponses { get; private set; }
    public int Version { get; set; }

    public List<EvaluationDimensionScore> Dimensions { get; set; } = [];
    public List<EvaluationObjective> Objectives { get; set; } = [];
    public List<EvaluationBudgetLine> BudgetLines { get; set; } = [];
    public List<EvaluationParticipation> Participation { get; set; } = [];
    public List<EvaluationSectionComment> SectionComments { get; set; } = [];
    public List<EvaluationSatisfactionQuestion> Satisfaction { get; set; } = [];
    public List<EvaluationSatisfactionTally> SatisfactionTallies { get; set; } = [];

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>Figures are frozen once the report has been submitted and not sent back for revision.</summary>
    public bool IsFrozen => Status is ReportStatus.Submitted or ReportStatus.Approved;

    /// <summary>
    /// Which evaluations a project may start: a process evaluation while the service runs or is being evaluated, the final one in
    /// the Evaluation stage (approving it is what closes the project, so it cannot come earlier; one at a time), a follow-up after
    /// closing. A closed project's final report is corrected, not started again.
    /// </summary>
    public static GateCheck CanStart(EvaluationTiming timing, ProjectStage stage, bool finalInProgress)
    {
        if (stage is not (ProjectStage.Execution or ProjectStage.Evaluation or ProjectStage.Closed))
        {
            return GateCheck.Fail(NotInExecution);
        }
        if (!Fits(timing, stage))
        {
            return GateCheck.Fail(TimingDoesNotFitStage);
        }
        if (timing == EvaluationTiming.Final && finalInProgress)
        {
            return GateCheck.Fail(FinalInProgress);
        }
        return GateCheck.Passed;
    }

    /// <summary>
    /// Whether a report can still be submitted in the project's stage: a process evaluation while the project runs (a draft
    /// left over when the project closed or was cancelled stays a draft), a final one in the Evaluation stage, a follow-up
    /// after closing.
    /// </summary>
    public static GateCheck CanSubmitIn(EvaluationTiming timing, ProjectStage stage) =>
        Fits(timing, stage) ? GateCheck.Passed : GateCheck.Fail(StageMovedOn);

    /// <summary>The stages a kind of report belongs to, for starting one and for submitting it.</summary>
    private static bool Fits(EvaluationTiming timing, ProjectStage stage) => timing switch
    {
        EvaluationTiming.During => stage is ProjectStage.Execution or ProjectStage.Evaluation,
        EvaluationTiming.Final => stage == ProjectStage.Evaluation,
        _ => stage == ProjectStage.Closed,
    };

    /// <summary>A new draft with a row for each dimension, each objective of the plan in force and each target group.</summary>
    public static EvaluationReport Start(int projectId, EvaluationTiming timing, ServicePlan? plan, IReadOnlyCollection<TargetGroup> groups, string staffId, DateTime now)
    {
        var report = new EvaluationReport { ProjectId = projectId, Timing = timing, CreatedById = staffId, CreatedAt = now, UpdatedAt = now };
        report.SyncWith(plan, groups);
        return report;
    }

    /// <summary>
    /// Brings the rows in line with the plan in force (a revision may have changed the objectives since the draft began), keeping
    /// what the staff wrote for each objective and group that is still there.
    /// </summary>
    public void SyncWith(ServicePlan? plan, IReadOnlyCollection<TargetGroup> groups)
    {
        foreach (var dimension in EvaluationDimensionScore.Dimensions.Where(d => Dimensions.All(x => x.Dimension != d)))
        {
            Dimensions.Add(new EvaluationDimensionScore { Dimension = dimension });
        }
        Dimensions.Sort((a, b) => a.Dimension.CompareTo(b.Dimension));
        var objectives = plan?.Objectives.OrderBy(o => o.Id).ToList() ?? [];
        var kept = new List<EvaluationObjective>();
        for (var i = 0; i < objectives.Count; i++)
        {
            var o = objectives[i];
            // A plan not saved yet (the demo's walk) has no ids: its objectives are told apart by what they measure.
            int? planObjectiveId = o.Id == 0 ? null : o.Id;
            var row = Objectives.FirstOrDefault(x => planObjectiveId is not null && x.PlanObjectiveId == planObjectiveId && !kept.Contains(x))
                ?? Objectives.FirstOrDefault(x => x.Indicator == o.Indicator && x.MeasuredBy == o.MeasuredBy && !kept.Contains(x))
                ?? new EvaluationObjective();
            (row.PlanObjectiveId, row.Order, row.Indicator, row.Unit, row.MeasuredBy, row.Target) = (planObjectiveId, i + 1, o.Indicator, o.Unit, o.MeasuredBy, o.TargetValue);
            kept.Add(row);
        }
        Objectives.RemoveAll(x => !kept.Contains(x));
        Objectives.AddRange(kept.Where(x => !Objectives.Contains(x)));
        Objectives.Sort((a, b) => a.Order.CompareTo(b.Order));

        var expected = plan?.Beneficiaries.ToDictionary(b => b.Group, b => b.ExpectedNumber) ?? [];
        var allGroups = groups.Concat(expected.Keys).Distinct().Order().ToList();
        Participation.RemoveAll(p => !allGroups.Contains(p.Group));
        foreach (var group in allGroups)
        {
            var row = Participation.FirstOrDefault(p => p.Group == group);
            if (row is null)
            {
                row = new EvaluationParticipation { Group = group };
                Participation.Add(row);
            }
            row.Expected = expected.GetValueOrDefault(group);
        }
        Participation.Sort((a, b) => a.Group.CompareTo(b.Group));
    }

    /// <summary>
    /// Fills in the figures as they stand: the objectives' verdicts, the budget per line, the people reached and the satisfaction
    /// questionnaire (its rating questions, and the choices and written answers of its other questions counted).
    /// </summary>
    public void Refresh(EvaluationFacts facts)
    {
        SyncWith(facts.Plan, facts.Groups);
        PlanId = facts.Plan is { Id: > 0 } plan ? plan.Id : null;
        foreach (var row in Objectives)
        {
            (row.Actual, row.Achieved) = ObjectiveVerdict.Of(row.MeasuredBy, row.Target, facts.Figures, row.IsTypedByHand ? row.Actual : null, facts.Satisfaction);
        }
        BudgetLines.Clear();
        BudgetLines.AddRange(facts.Budget.Lines.Select((l, i) => new EvaluationBudgetLine
        {
            Order = i + 1, Item = l.Item, Source = l.Source, Planned = l.Planned, Spent = l.Spent, InPlan = l.InPlan,
        }));
        FeeIncome = facts.Budget.FeeIncome;
        PeopleServed = facts.Figures.PeopleServed;
        if (Participation.Count == 1)
        {
            Participation[0].Served = facts.Figures.PeopleServed;
        }
        SatisfactionSurveyId = facts.Satisfaction?.SurveyId;
        SatisfactionResponses = facts.Satisfaction?.Responses;
        Satisfaction.Clear();
        Satisfaction.AddRange(facts.Satisfaction?.Ratings.OrderBy(r => r.Order).Select((r, i) => new EvaluationSatisfactionQuestion
        {
            Order = i + 1, QuestionId = r.QuestionId, Text = r.Text, Responses = r.Responses, Average = r.Average, SatisfiedPercent = r.SatisfiedPercent,
        }) ?? []);
        SatisfactionTallies.Clear();
        foreach (var (q, i) in (facts.Satisfaction?.Tallies ?? []).OrderBy(t => t.Order).Select((t, i) => (t, i)))
        {
            EvaluationSatisfactionTally Row(int optionOrder, string option, int count, bool isOther = false) => new()
            {
                Order = i + 1, QuestionId = q.QuestionId, Question = q.Text, Type = q.Type, Answered = q.Answered,
                OptionOrder = optionOrder, Option = option, IsOther = isOther, Count = count,
            };
            if (!q.IsChoice)
            {
                SatisfactionTallies.Add(Row(0, "", q.Answered));
                continue;
            }
            SatisfactionTallies.AddRange(q.Options.Select((o, n) => Row(n + 1, o.Text, o.Count)));
            if (q.AllowOther)
            {
                SatisfactionTallies.Add(Row(q.Options.Count + 1, "", q.Other, isOther: true));
            }
        }
    }

    /// <summary>The frozen budget lines again as a balance, with the totals per funding source.</summary>
    public BudgetBalance Budget() => BudgetBalance.Of(
        BudgetLines.Where(l => l.InPlan).OrderBy(l => l.Order).Select(l => new PlanBudgetLine { Item = l.Item, Amount = l.Planned, Source = l.Source }),
        BudgetLines.Where(l => l.Spent != 0).Select(l => (l.Item, l.Source, l.Spent)),
        FeeIncome ?? 0m);

    /// <summary>
    /// What is still missing before the report can go to a manager: the means, each dimension scored with what its score rests on,
    /// the actuals counted by hand, the summary and the improvements (改进措施).
    /// </summary>
    public GateCheck CheckComplete()
    {
        var missing = new List<string>();
        if (!ByInterview && !ByQuestionnaire && !ByOtherMeans)
        {
            missing.Add(NeedsMeans);
        }
        if (Dimensions.Count < EvaluationDimensionScore.Dimensions.Length || Dimensions.Any(d => d.Score is null))
        {
            missing.Add(NeedsScores);
        }
        missing.AddRange(EvaluationDimensionScore.Dimensions
            .Where(d => string.IsNullOrWhiteSpace(Dimensions.FirstOrDefault(x => x.Dimension == d)?.Narrative))
            .Select(d => NeedsNarrative[d]));
        if (Objectives.Any(o => o.IsTypedByHand && o.Actual is null))
        {
            missing.Add(NeedsManualActuals);
        }
        if (string.IsNullOrWhiteSpace(Summary))
        {
            missing.Add(NeedsSummary);
        }
        if (string.IsNullOrWhiteSpace(Improvements))
        {
            missing.Add(NeedsImprovements);
        }
        return new GateCheck(missing);
    }

    /// <summary>Submits the report, freezing the figures as they stand now.</summary>
    public GateCheck Submit(EvaluationFacts facts, DateTime now)
    {
        if (!IsEditable)
        {
            return GateCheck.Fail(NotEditable);
        }
        Refresh(facts);
        var check = CheckComplete();
        if (!check.IsPassed)
        {
            return check;
        }
        Status = ReportStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        return GateCheck.Passed;
    }

    public GateCheck Approve(string managerId, string comment, DateTime now)
    {
        if (Status != ReportStatus.Submitted)
        {
            return GateCheck.Fail(NotSubmitted);
        }
        return Review(ReportStatus.Approved, managerId, comment, now);
    }

    /// <summary>Sends the report back with a comment on each section that needs revising; the comments replace those of an earlier return.</summary>
    public GateCheck ReturnForRevision(string managerId, IReadOnlyDictionary<EvaluationSection, string> sectionComments, string comment, DateTime now)
    {
        if (Status != ReportStatus.Submitted)
        {
            return GateCheck.Fail(NotSubmitted);
        }
        var given = sectionComments.Where(c => !string.IsNullOrWhiteSpace(c.Value)).OrderBy(c => c.Key).ToList();
        if (given.Count == 0)
        {
            return GateCheck.Fail(NeedsSectionComment);
        }
        SectionComments.Clear();
        SectionComments.AddRange(given.Select(c => new EvaluationSectionComment { Section = c.Key, Text = c.Value.Trim(), At = now }));
        return Review(ReportStatus.Returned, managerId, comment, now);
    }

    /// <summary>A correction of an approved report: a new draft that refers to it and starts from its content.</summary>
    public GateCheck Correct(string staffId, DateTime now, out EvaluationReport? correction)
    {
        correction = null;
        if (Status != ReportStatus.Approved)
        {
            return GateCheck.Fail(OnlyApprovedCorrected);
        }
        correction = new EvaluationReport
        {
            ProjectId = ProjectId, Timing = Timing, CorrectsReportId = Id, CreatedById = staffId, CreatedAt = now, UpdatedAt = now,
            ByInterview = ByInterview, ByQuestionnaire = ByQuestionnaire, ByOtherMeans = ByOtherMeans, OtherMeans = OtherMeans,
            Summary = Summary, Improvements = Improvements,
            Dimensions = Dimensions.Select(d => new EvaluationDimensionScore { Dimension = d.Dimension, Score = d.Score, Narrative = d.Narrative }).ToList(),
            Objectives = Objectives.Select(o => new EvaluationObjective
            {
                PlanObjectiveId = o.PlanObjectiveId, Order = o.Order, Indicator = o.Indicator, Unit = o.Unit, MeasuredBy = o.MeasuredBy, Target = o.Target,
                Actual = o.IsTypedByHand ? o.Actual : null, Comment = o.Comment,
            }).ToList(),
            Participation = Participation.Select(p => new EvaluationParticipation
            {
                Group = p.Group, Expected = p.Expected, Served = Participation.Count > 1 ? p.Served : null,
            }).ToList(),
        };
        return GateCheck.Passed;
    }

    private GateCheck Review(ReportStatus outcome, string managerId, string comment, DateTime now)
    {
        Status = outcome;
        ReviewedById = managerId;
        ReviewedAt = now;
        ReviewComment = comment.Trim();
        UpdatedAt = now;
        return GateCheck.Passed;
    }
}
