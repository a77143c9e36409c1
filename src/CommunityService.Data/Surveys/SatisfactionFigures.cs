namespace CommunityService.Data.Surveys;

/// <summary>One rating question of a satisfaction questionnaire: how many people gave each score from 1 to 5.</summary>
public sealed record RatingFigures(int QuestionId, int Order, string Text, IReadOnlyList<int> Counts)
{
    /// <summary>满意: a 4 (满意) or a 5 (非常满意).</summary>
    public const int SatisfiedFrom = 4;

    public IReadOnlyList<int> Counts { get; } = Counts.Count == 5 ? Counts : throw new ArgumentException("One count for each score from 1 to 5.", nameof(Counts));

    public int Responses => Counts.Sum();

    /// <summary>The mean score, to two places (halves away from zero, as people round); null before anyone answered.</summary>
    public decimal? Average => Responses == 0 ? null
        : Math.Round((decimal)Counts.Select((count, i) => count * (i + 1)).Sum() / Responses, 2, MidpointRounding.AwayFromZero);

    /// <summary>满意率: the share of answers that are 4 or 5, in percent to one place; null before anyone answered.</summary>
    public decimal? SatisfiedPercent => Responses == 0 ? null
        : Math.Round(100m * Counts.Skip(SatisfiedFrom - 1).Sum() / Responses, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A choice or text question of a satisfaction questionnaire: how many people answered it, and for a choice question how many
/// chose each option (in the option's order) and how many wrote an "other" answer.
/// </summary>
public sealed record AnswerTally(int QuestionId, int Order, string Text, QuestionType Type, int Answered, IReadOnlyList<ChoiceCount> Options, bool AllowOther = false, int Other = 0)
{
    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
}

public sealed record ChoiceCount(string Text, int Count);

/// <summary>
/// A project's satisfaction questionnaire as it stands: the questionnaires returned, each rating question's figures, and the
/// answers to its choice and text questions counted.
/// </summary>
public sealed record SatisfactionFigures(int SurveyId, string Title, SurveyStatus Status, int Responses, IReadOnlyList<RatingFigures> Ratings)
{
    /// <summary>Draft or open: the project's current round, so another cannot start.</summary>
    public bool IsInProgress => Status is SurveyStatus.Draft or SurveyStatus.Open;

    public IReadOnlyList<AnswerTally> Tallies { get; init; } = [];

    /// <summary>The project has a questionnaire in draft or open, this one or a newer one that has no answers yet.</summary>
    public bool RoundInProgress { get; init; }
}
