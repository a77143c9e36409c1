using Microsoft.EntityFrameworkCore;

namespace CommunityService.Data.Surveys;

public sealed record OptionCount(int QuestionId, int? OptionId, int Count);
public sealed record QuestionRespondents(int QuestionId, int Respondents);
public sealed record NumberStats(int QuestionId, int Count, double Average, double Min, double Max);
public sealed record RatingCount(int QuestionId, decimal Value, int Count);
public sealed record TextAnswer(int QuestionId, string Text);

/// <summary>What the database sums up about a set of answers: three GROUP BY commands, whatever the number of answers.</summary>
public sealed record AnswerAggregates(List<OptionCount> Options, List<QuestionRespondents> Respondents, List<NumberStats> Numbers)
{
    public static async Task<AnswerAggregates> OfAsync(IQueryable<SurveyAnswer> answers, CancellationToken ct)
    {
        var options = await answers.Where(a => a.OptionId != null)
            .GroupBy(a => new { a.QuestionId, a.OptionId })
            .Select(g => new OptionCount(g.Key.QuestionId, g.Key.OptionId, g.Count())).ToListAsync(ct);
        var respondents = await answers.GroupBy(a => a.QuestionId)
            .Select(g => new QuestionRespondents(g.Key, g.Select(a => a.ResponseId).Distinct().Count())).ToListAsync(ct);
        var numbers = await answers.Where(a => a.Number != null).GroupBy(a => a.QuestionId)
            .Select(g => new NumberStats(g.Key, g.Count(), g.Average(a => (double)a.Number!.Value), g.Min(a => (double)a.Number!.Value), g.Max(a => (double)a.Number!.Value)))
            .ToListAsync(ct);
        return new AnswerAggregates(options, respondents, numbers);
    }
}

public sealed record OptionResult(string Text, int Count, double Percent);

public sealed record QuestionResult(
    SurveyQuestion Question, int Respondents, IReadOnlyList<OptionResult> Options, NumberStats? Numbers,
    IReadOnlyList<int> Ratings, IReadOnlyList<string> Texts, int TextCount);

/// <summary>
/// Turns the grouped figures the database computed into per-question results. Percentages of a choice
/// question are of the people who answered that question (a multiple-choice question can pass 100% in all).
/// </summary>
public static class SurveyTally
{
    public static List<QuestionResult> Combine(
        IEnumerable<SurveyQuestion> questions, IReadOnlyList<OptionCount> optionCounts, IReadOnlyList<QuestionRespondents> respondents,
        IReadOnlyList<NumberStats> numbers, IReadOnlyList<RatingCount> ratings, IReadOnlyList<TextAnswer> texts, IReadOnlyList<OptionCount> textCounts)
    {
        var results = new List<QuestionResult>();
        foreach (var q in questions.OrderBy(q => q.Order))
        {
            var answered = respondents.FirstOrDefault(r => r.QuestionId == q.Id)?.Respondents ?? 0;
            var options = q.Options.OrderBy(o => o.Order)
                .Select(o => Result(o.Text, optionCounts.FirstOrDefault(c => c.QuestionId == q.Id && c.OptionId == o.Id)?.Count ?? 0, answered))
                .ToList();
            var textCount = textCounts.FirstOrDefault(c => c.QuestionId == q.Id)?.Count ?? 0;
            if (q.AllowOther)
            {
                options.Add(Result("", textCount, answered));
            }
            var distribution = q.Type == QuestionType.Rating
                ? Enumerable.Range(1, 5).Select(v => ratings.FirstOrDefault(r => r.QuestionId == q.Id && r.Value == v)?.Count ?? 0).ToList()
                : [];
            results.Add(new QuestionResult(q, answered, options, numbers.FirstOrDefault(n => n.QuestionId == q.Id), distribution,
                texts.Where(t => t.QuestionId == q.Id).Select(t => t.Text).ToList(), textCount));
        }
        return results;
    }

    public static double Percent(int count, int of) => of == 0 ? 0 : Math.Round(100.0 * count / of, 1);

    private static OptionResult Result(string text, int count, int answered) => new(text, count, Percent(count, answered));
}
