namespace CommunityService.Data.Surveys;

/// <summary>
/// The ready-made satisfaction questionnaire (满意度调查): an overall rating, a rating for each of the four dimensions an
/// evaluation covers (服务内容, 服务方法, 服务人员, 时间地点), whether the person would take part again, and what to improve.
/// The texts are string-table keys, put into the reader's language when the questionnaire is created; staff add their own
/// questions after.
/// </summary>
public static class SatisfactionTemplate
{
    public const string Title = "Satisfaction questionnaire: {0}";
    public const string Purpose = "Tell us how the service went for you, so that we can do better.";
    public const string Overall = "Overall, how satisfied are you with this service?";
    public const string Content = "How satisfied are you with the content of the service?";
    public const string Methods = "How satisfied are you with the way the service was run?";
    public const string Staff = "How satisfied are you with the staff and volunteers?";
    public const string TimeAndPlace = "How satisfied are you with the time and place of the service?";
    public const string JoinAgain = "Would you take part in this service again?";
    public const string Yes = "Yes, I would";
    public const string No = "No, I would not";
    public const string NotSure = "Not sure yet";
    public const string Improve = "What should we improve?";

    public static readonly string[] Ratings = [Overall, Content, Methods, Staff, TimeAndPlace];

    /// <summary>The template's questions, worded by <paramref name="text"/> (a string-table lookup).</summary>
    public static List<SurveyQuestion> Questions(Func<string, string> text)
    {
        var questions = Ratings.Select(key => new SurveyQuestion { Type = QuestionType.Rating, Text = text(key), Required = true }).ToList();
        questions.Add(new SurveyQuestion
        {
            Type = QuestionType.SingleChoice, Text = text(JoinAgain), Required = true,
            Options = [new() { Order = 1, Text = text(Yes) }, new() { Order = 2, Text = text(No) }, new() { Order = 3, Text = text(NotSure) }],
        });
        questions.Add(new SurveyQuestion { Type = QuestionType.LongText, Text = text(Improve), Required = false });
        return questions;
    }
}
