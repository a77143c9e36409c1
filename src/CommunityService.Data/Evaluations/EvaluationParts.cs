using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Plans;

namespace CommunityService.Data.Evaluations;

/// <summary>The parts of a report a manager can comment on; the first four are the article's dimensions, each scored.</summary>
public enum EvaluationSection
{
    Content,
    Methods,
    Staff,
    TimeAndPlace,
    Objectives,
    Budget,
    Participation,
    Satisfaction,
    Summary,
}

/// <summary>One of the four dimensions (服务内容, 服务方法, 服务人员, 时间地点): a score from 1 to 5 and what it rests on.</summary>
public class EvaluationDimensionScore
{
    public const int NarrativeMaxLength = 2000;
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public static readonly EvaluationSection[] Dimensions =
        [EvaluationSection.Content, EvaluationSection.Methods, EvaluationSection.Staff, EvaluationSection.TimeAndPlace];

    public int Id { get; set; }
    public int ReportId { get; set; }
    public EvaluationSection Dimension { get; set; }
    public int? Score { get; set; }
    public string Narrative { get; set; } = "";
}

/// <summary>
/// One objective of the plan in force, against what was delivered. The actual comes from the records and is frozen when the
/// report is submitted; for an objective counted by hand (<see cref="MeasuredBy.Manual"/>) the staff type it.
/// </summary>
public class EvaluationObjective
{
    public const int CommentMaxLength = 1000;

    public int Id { get; set; }
    public int ReportId { get; set; }

    /// <summary>The plan objective it was taken from; a reference only, the row keeps its own copy of the objective.</summary>
    public int? PlanObjectiveId { get; set; }
    public int Order { get; set; }
    public string Indicator { get; set; } = "";
    public string Unit { get; set; } = "";
    public MeasuredBy MeasuredBy { get; set; }
    public decimal Target { get; set; }
    public decimal? Actual { get; set; }

    /// <summary>Null when there is no figure to judge by (nothing rated yet).</summary>
    public bool? Achieved { get; set; }
    public string Comment { get; set; } = "";

    public bool IsTypedByHand => MeasuredBy == MeasuredBy.Manual;
}

/// <summary>The verdict on one objective: the actual figure it is judged by, and whether it reached the target.</summary>
public static class ObjectiveVerdict
{
    /// <summary>
    /// The records' figure for the objective's measure, or the figure the staff typed for one counted by hand; achieved when it is
    /// at least the target. No figure (nothing rated, nothing typed) gives no verdict rather than a failure. A satisfaction objective
    /// is judged by the project's satisfaction questionnaire once it has answers (the share satisfied on its first rating question,
    /// the overall one of the ready-made questionnaire), else by the residents' ratings of the services.
    /// </summary>
    public static (decimal? Actual, bool? Achieved) Of(
        MeasuredBy measuredBy, decimal target, ProjectFigures figures, decimal? typedActual, Surveys.SatisfactionFigures? satisfaction = null)
    {
        var overall = satisfaction?.Ratings.OrderBy(r => r.Order).FirstOrDefault();
        var actual = measuredBy switch
        {
            MeasuredBy.Manual => typedActual,
            MeasuredBy.SatisfactionSurvey when overall is { Responses: > 0 } => overall.SatisfiedPercent,
            _ => figures.ActualFor(measuredBy),
        };
        return (actual, actual is { } a ? a >= target : null);
    }
}

/// <summary>A budget line's execution, frozen at submission: planned, spent, and whether the line is in the plan.</summary>
public class EvaluationBudgetLine
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int Order { get; set; }
    public string Item { get; set; } = "";
    public FundingSource Source { get; set; }
    public decimal Planned { get; set; }
    public decimal Spent { get; set; }
    public bool InPlan { get; set; }
}

/// <summary>
/// People reached in one target group against the plan's expected number. The records do not say which group a person belongs
/// to, so a project serving one group counts everyone served for it; with several groups the staff give the split.
/// </summary>
public class EvaluationParticipation
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public TargetGroup Group { get; set; }
    public int Expected { get; set; }
    public int? Served { get; set; }
}

/// <summary>
/// One rating question of the project's satisfaction questionnaire, frozen at submission like the objectives: its wording, how
/// many answered, the mean score and the share satisfied (4 or 5).
/// </summary>
public class EvaluationSatisfactionQuestion
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int Order { get; set; }

    /// <summary>The questionnaire's question it was taken from; a reference only, the row keeps its own copy of the wording.</summary>
    public int? QuestionId { get; set; }
    public string Text { get; set; } = "";
    public int Responses { get; set; }
    public decimal? Average { get; set; }
    public decimal? SatisfiedPercent { get; set; }
}

/// <summary>
/// One figure of a choice or text question of the project's satisfaction questionnaire, frozen at submission like the rating
/// questions: for a choice question a row per option (and one for "other" where the question offers it) with how many chose it;
/// for a text question one row with how many wrote an answer (the answers themselves stay in the questionnaire's results).
/// </summary>
public class EvaluationSatisfactionTally
{
    public int Id { get; set; }
    public int ReportId { get; set; }

    /// <summary>The question's place among the report's choice and text questions, from 1; the rows of one question share it.</summary>
    public int Order { get; set; }

    /// <summary>The questionnaire's question it was taken from; a reference only, the row keeps its own copy of the wording.</summary>
    public int? QuestionId { get; set; }
    public string Question { get; set; } = "";
    public Surveys.QuestionType Type { get; set; }

    /// <summary>How many people answered the question (a multiple-choice answer may choose several options).</summary>
    public int Answered { get; set; }

    /// <summary>The option's place within the question, from 1; 0 for a text question's row.</summary>
    public int OptionOrder { get; set; }
    public string Option { get; set; } = "";
    public bool IsOther { get; set; }
    public int Count { get; set; }

    public bool IsText => Type is Surveys.QuestionType.ShortText or Surveys.QuestionType.LongText;

    /// <summary>The share of those who answered that chose the option, in percent to one place; null for a text question and before anyone answered.</summary>
    public decimal? Percent => IsText || Answered == 0 ? null : Math.Round(100m * Count / Answered, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A manager's comment on one section of a returned report, shown beside that section.</summary>
public class EvaluationSectionComment
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int ReportId { get; set; }
    public EvaluationSection Section { get; set; }
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// What a report is measured against: the plan in force, the project's target groups, the figures from the records, the money, and
/// the project's newest satisfaction questionnaire with answers (else its newest, if any).
/// </summary>
public sealed record EvaluationFacts(
    ServicePlan? Plan, IReadOnlyCollection<TargetGroup> Groups, ProjectFigures Figures, BudgetFacts Budget, Surveys.SatisfactionFigures? Satisfaction = null);

/// <summary>Money as it stands: the budget balance per line (planned and spent) and the fee income taken.</summary>
public sealed record BudgetFacts(IReadOnlyList<Money.LineBalance> Lines, decimal FeeIncome);
