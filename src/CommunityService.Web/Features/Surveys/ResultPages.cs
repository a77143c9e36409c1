using CommunityService.Data.Surveys;

namespace CommunityService.Web.Features.Surveys;

public sealed class ResultFilter
{
    public int? Community { get; set; }
    public AgeBand? AgeBand { get; set; }
    public ResponseChannel? Channel { get; set; }

    public string Query => string.Join('&', new[]
    {
        Community is { } c ? $"community={c}" : null, AgeBand is { } a ? $"ageBand={a}" : null, Channel is { } ch ? $"channel={ch}" : null,
    }.Where(p => p is not null));
}

/// <summary>What identifies the state of a survey's responses: any new, changed or removed response changes it.</summary>
public sealed record ResponsesStamp(int Count, int LastId, long Versions);

/// <summary>What the database worked out for a survey and a filter, before it is matched with the questions.</summary>
public sealed record SurveyFigures(int Total, AnswerAggregates Sums, List<RatingCount> Ratings, List<OptionCount> TextCounts, List<TextAnswer> Texts);

public sealed record SurveyResults(Survey Survey, ResultFilter Filter, int Total, IReadOnlyList<QuestionResult> Questions);
