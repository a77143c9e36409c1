namespace CommunityService.Data.Surveys;

/// <summary>What a person put in for one question, before it is checked.</summary>
public sealed record AnswerInput(IReadOnlyList<int> OptionIds, string? Text = null, decimal? Number = null, bool Other = false, string? OtherText = null)
{
    public static readonly AnswerInput Empty = new([]);

    public bool IsEmpty => OptionIds.Count == 0 && string.IsNullOrWhiteSpace(Text) && Number is null && !Other;
}

/// <summary>
/// The rules of answering a questionnaire: required questions, the 1–5 rating, offered options, the
/// "other" text, and conditional questions (a hidden question is neither required nor stored).
/// </summary>
public static class AnswerRules
{
    public const string Required = "Please answer this question.";
    public const string RatingRange = "Choose a rating from 1 to 5.";
    public const string NotAnOption = "Please choose one of the answers offered.";
    public const string OneOptionOnly = "Please choose only one answer.";
    public const string OtherNeedsText = "Please say what \"other\" is.";
    public const string TooLong = "The answer is too long.";
    public const string NumberRange = "Please enter a number between -1,000,000 and 1,000,000.";

    public static bool IsShown(SurveyQuestion question, IReadOnlyDictionary<int, AnswerInput> answers) =>
        question.ConditionQuestionId is not { } on
        || (answers.TryGetValue(on, out var given) && question.ConditionOptionId is { } option && given.OptionIds.Contains(option));

    /// <summary>The first problem with each answer, by question id; empty when all is well.</summary>
    public static Dictionary<int, string> Check(IEnumerable<SurveyQuestion> questions, IReadOnlyDictionary<int, AnswerInput> answers)
    {
        var problems = new Dictionary<int, string>();
        foreach (var q in questions)
        {
            if (!IsShown(q, answers))
            {
                continue;
            }
            var a = answers.GetValueOrDefault(q.Id) ?? AnswerInput.Empty;
            var problem = CheckOne(q, a);
            if (problem is not null)
            {
                problems[q.Id] = problem;
            }
        }
        return problems;
    }

    /// <summary>The rows to store for the shown questions; call after <see cref="Check"/> found nothing.</summary>
    public static List<SurveyAnswer> ToAnswers(IEnumerable<SurveyQuestion> questions, IReadOnlyDictionary<int, AnswerInput> answers)
    {
        var rows = new List<SurveyAnswer>();
        foreach (var q in questions.Where(q => IsShown(q, answers)))
        {
            if (!answers.TryGetValue(q.Id, out var a) || a.IsEmpty)
            {
                continue;
            }
            switch (q.Type)
            {
                case QuestionType.SingleChoice:
                case QuestionType.MultipleChoice:
                    rows.AddRange(a.OptionIds.Distinct().Select(o => new SurveyAnswer { QuestionId = q.Id, OptionId = o }));
                    if (q.AllowOther && a.Other)
                    {
                        rows.Add(new SurveyAnswer { QuestionId = q.Id, Text = a.OtherText!.Trim() });
                    }
                    break;
                case QuestionType.Rating:
                case QuestionType.Number:
                    rows.Add(new SurveyAnswer { QuestionId = q.Id, Number = a.Number });
                    break;
                default:
                    rows.Add(new SurveyAnswer { QuestionId = q.Id, Text = a.Text!.Trim() });
                    break;
            }
        }
        return rows;
    }

    private static string? CheckOne(SurveyQuestion q, AnswerInput a)
    {
        if (a.IsEmpty)
        {
            return q.Required ? Required : null;
        }
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                if (a.OptionIds.Count > 1)
                {
                    return OneOptionOnly;
                }
                return a.OptionIds.All(id => q.Options.Any(o => o.Id == id)) ? null : NotAnOption;
            case QuestionType.MultipleChoice:
                if (!a.OptionIds.All(id => q.Options.Any(o => o.Id == id)) || (a.Other && !q.AllowOther))
                {
                    return NotAnOption;
                }
                if (a.Other && string.IsNullOrWhiteSpace(a.OtherText))
                {
                    return OtherNeedsText;
                }
                if (a.OtherText?.Length > SurveyQuestion.ShortAnswerMaxLength)
                {
                    return TooLong;
                }
                if (a.OptionIds.Count == 0 && !a.Other)
                {
                    return q.Required ? Required : null;
                }
                return null;
            case QuestionType.Rating:
                return a.Number is >= 1 and <= 5 && decimal.Truncate(a.Number.Value) == a.Number ? null : RatingRange;
            case QuestionType.Number:
                return a.Number is null ? (string.IsNullOrWhiteSpace(a.Text) ? (q.Required ? Required : null) : NumberRange)
                    : a.Number is >= -1_000_000 and <= 1_000_000 ? null : NumberRange;
            case QuestionType.ShortText:
                return string.IsNullOrWhiteSpace(a.Text) ? (q.Required ? Required : null)
                    : a.Text.Length > SurveyQuestion.ShortAnswerMaxLength ? TooLong : null;
            default:
                return string.IsNullOrWhiteSpace(a.Text) ? (q.Required ? Required : null)
                    : a.Text.Length > SurveyQuestion.LongAnswerMaxLength ? TooLong : null;
        }
    }
}
