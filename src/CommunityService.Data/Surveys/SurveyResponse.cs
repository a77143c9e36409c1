using CommunityService.Data.Communities;

namespace CommunityService.Data.Surveys;

public enum ResponseChannel
{
    Online,
    Paper,
    Interview,
}

public enum AgeBand
{
    Under18,
    From18To39,
    From40To59,
    From60To79,
    From80,
}

/// <summary>One person's answers to a survey's questionnaire, online or typed in by staff from paper or an interview.</summary>
public class SurveyResponse : IVersioned
{
    public const int NameMaxLength = 50;

    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey? Survey { get; set; }

    /// <summary>The resident who answered; null for an anonymous answer, which keeps no link to any account.</summary>
    public string? RespondentId { get; set; }

    /// <summary>For paper and interview answers: the name staff wrote down (optional).</summary>
    public string RespondentName { get; set; } = "";
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public AgeBand? AgeBand { get; set; }
    public ResponseChannel Channel { get; set; }
    public string? EnteredById { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>
/// One answer: a chosen option (one row per option for multiple choice), a number (rating or number),
/// or text (short, long, or the "other, please say" of a multiple-choice question, with no option).
/// </summary>
public class SurveyAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? OptionId { get; set; }
    public decimal? Number { get; set; }
    public string? Text { get; set; }
}
