namespace CommunityService.Data.Surveys;

public enum QuestionType
{
    SingleChoice,
    MultipleChoice,
    Rating,
    Number,
    ShortText,
    LongText,
}

public class SurveyQuestion
{
    public const int TextMaxLength = 500;
    public const int ShortAnswerMaxLength = 200;
    public const int LongAnswerMaxLength = 2000;

    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Order { get; set; }
    public QuestionType Type { get; set; }
    public string Text { get; set; } = "";
    public bool Required { get; set; }

    /// <summary>Multiple choice only: offers "other, please say" with a text box.</summary>
    public bool AllowOther { get; set; }

    /// <summary>Shown only when this earlier choice question was answered with <see cref="ConditionOptionId"/>.</summary>
    public int? ConditionQuestionId { get; set; }
    public SurveyQuestion? ConditionQuestion { get; set; }
    public int? ConditionOptionId { get; set; }
    public QuestionOption? ConditionOption { get; set; }

    public List<QuestionOption> Options { get; set; } = [];

    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
    public bool IsNumeric => Type is QuestionType.Rating or QuestionType.Number;
    public bool IsText => Type is QuestionType.ShortText or QuestionType.LongText;
}

public class QuestionOption
{
    public const int TextMaxLength = 200;

    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
}
