using System.Globalization;
using System.Text;
using CommunityService.Data;
using CommunityService.Data.Surveys;
using CommunityService.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Surveys;

/// <summary>
/// Survey results, computed in the database with GROUP BY: the same ten SQL commands for 10 answers
/// or 10,000. The figures are then kept in memory for <c>Surveys:ResultsCacheMinutes</c> (10 by default, 0 to switch off)
/// under a stamp of the responses read on every request, so the next visit runs five commands and a new or changed answer
/// shows at once. Exports give the same table as .xlsx and .csv.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
[Route("surveys/{id:int}/results")]
public sealed class ResultsController(
    CommunityServiceDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, IMemoryCache cache, IConfiguration configuration) : Controller
{
    public const int TextsPerQuestion = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, ResultFilter filter, CancellationToken ct)
    {
        var results = await LoadAsync(id, filter, ct);
        return results is null ? NotFound() : !await MayReadAsync(results) ? Forbid() : View("Results", results);
    }

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> Excel(int id, ResultFilter filter, CancellationToken ct)
    {
        var results = await LoadAsync(id, filter, ct);
        if (results is null)
        {
            return NotFound();
        }
        if (!await MayReadAsync(results))
        {
            return Forbid();
        }
        var stream = new MemoryStream();
        await stream.SaveSafeAsync(Rows(results), ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"survey-{id}-results.xlsx");
    }

    [HttpGet("export.csv")]
    public async Task<IActionResult> Csv(int id, ResultFilter filter, CancellationToken ct)
    {
        var results = await LoadAsync(id, filter, ct);
        if (results is null)
        {
            return NotFound();
        }
        if (!await MayReadAsync(results))
        {
            return Forbid();
        }
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns().Select(Quote)).Append("\r\n");
        foreach (var row in Rows(results))
        {
            csv.AppendJoin(',', row.Values.Select(v => Quote(Convert.ToString(SpreadsheetCells.Cell(v), CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        }
        // The byte-order mark makes Excel read the Chinese text as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"survey-{id}-results.csv");
    }

    /// <summary>A satisfaction questionnaire's answers are its project's records: staff of the project's community read them.</summary>
    private async Task<bool> MayReadAsync(SurveyResults results) =>
        !results.Survey.IsSatisfaction || await authorization.WorksInAnyAsync(User, results.Survey.Communities.Select(c => c.Id));

    private async Task<SurveyResults?> LoadAsync(int id, ResultFilter filter, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Communities).Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }
        var responses = db.SurveyResponses.Where(r => r.SurveyId == id);
        if (filter.Community is { } c)
        {
            responses = responses.Where(r => r.CommunityId == c);
        }
        if (filter.AgeBand is { } band)
        {
            responses = responses.Where(r => r.AgeBand == band);
        }
        if (filter.Channel is { } channel)
        {
            responses = responses.Where(r => r.Channel == channel);
        }
        // The survey's answers are found through its questions (an index seek), so the cost follows this survey's answers,
        // not every answer of every survey; the responses are looked up only when a filter needs them.
        var questionIds = survey.Questions.Select(q => q.Id).ToList();
        var answers = db.SurveyAnswers.Where(a => questionIds.Contains(a.QuestionId));
        if (filter.Community is not null || filter.AgeBand is not null || filter.Channel is not null)
        {
            answers = answers.Where(a => responses.Any(r => r.Id == a.ResponseId));
        }

        var (total, sums, ratings, textCounts, texts) = await CachedFiguresAsync(id, filter, responses, answers, survey.Questions, ct);

        var tally = SurveyTally.Combine(survey.Questions, sums.Options, sums.Respondents, sums.Numbers, ratings, texts, textCounts);
        return new SurveyResults(survey, filter, total, tally);
    }

    /// <summary>
    /// The figures are kept for a while under a stamp of the survey's responses: a new, changed or removed response changes
    /// the stamp (their count, newest id and sum of versions), so the next request works them out again. The stamp is read
    /// from the database on every request, so a change made through another instance shows at once too.
    /// </summary>
    private async Task<SurveyFigures> CachedFiguresAsync(
        int id, ResultFilter filter, IQueryable<SurveyResponse> responses, IQueryable<SurveyAnswer> answers, List<SurveyQuestion> questions, CancellationToken ct)
    {
        var minutes = configuration.GetValue("Surveys:ResultsCacheMinutes", 10);
        if (minutes <= 0)
        {
            return await FiguresAsync(id, filter, responses, answers, questions, ct);
        }
        var stamp = await db.SurveyResponses.Where(r => r.SurveyId == id).GroupBy(r => r.SurveyId)
            .Select(g => new ResponsesStamp(g.Count(), g.Max(r => r.Id), g.Sum(r => (long)r.Version))).FirstOrDefaultAsync(ct)
            ?? new ResponsesStamp(0, 0, 0);
        var key = (nameof(ResultsController), id, filter.Community, filter.AgeBand, filter.Channel, stamp);
        if (cache.TryGetValue(key, out SurveyFigures? kept) && kept is not null)
        {
            return kept;
        }
        var figures = await FiguresAsync(id, filter, responses, answers, questions, ct);
        cache.Set(key, figures, TimeSpan.FromMinutes(minutes));
        return figures;
    }

    /// <summary>The survey's figures for a filter: six GROUP BY commands over its answers.</summary>
    private async Task<SurveyFigures> FiguresAsync(
        int id, ResultFilter filter, IQueryable<SurveyResponse> responses, IQueryable<SurveyAnswer> answers, List<SurveyQuestion> questions, CancellationToken ct)
    {
        var total = await responses.CountAsync(ct);
        var sums = await AnswerAggregates.OfAsync(answers, ct);
        var ratingIds = questions.Where(q => q.Type == QuestionType.Rating).Select(q => q.Id).ToList();
        var ratings = await answers.Where(a => a.Number != null && ratingIds.Contains(a.QuestionId))
            .GroupBy(a => new { a.QuestionId, a.Number })
            .Select(g => new RatingCount(g.Key.QuestionId, g.Key.Number!.Value, g.Count())).ToListAsync(ct);
        var textCounts = await answers.Where(a => a.Text != null).GroupBy(a => a.QuestionId)
            .Select(g => new OptionCount(g.Key, null, g.Count())).ToListAsync(ct);
        var texts = await LatestTextsAsync(id, filter, ct);
        return new SurveyFigures(total, sums, ratings, textCounts, texts);
    }

    /// <summary>The newest answers in words, at most <see cref="TextsPerQuestion"/> per question, in one command.</summary>
    private async Task<List<TextAnswer>> LatestTextsAsync(int id, ResultFilter filter, CancellationToken ct)
    {
        var community = filter.Community;
        var band = filter.AgeBand?.ToString();
        var channel = filter.Channel?.ToString();
        return await db.Database.SqlQuery<TextAnswer>($"""
            SELECT x.QuestionId, x.Text FROM (
                SELECT a.QuestionId, a.Text, ROW_NUMBER() OVER (PARTITION BY a.QuestionId ORDER BY a.Id DESC) AS RowNumber
                FROM SurveyAnswers a JOIN SurveyResponses r ON r.Id = a.ResponseId
                WHERE r.SurveyId = {id} AND a.Text IS NOT NULL
                  AND ({community} IS NULL OR r.CommunityId = {community})
                  AND ({band} IS NULL OR r.AgeBand = {band})
                  AND ({channel} IS NULL OR r.Channel = {channel})
            ) x
            WHERE x.RowNumber <= {TextsPerQuestion}
            """).ToListAsync(ct);
    }

    private string[] Columns() => [l["No."], l["Question"], l["Answer"], l["Count"], l["Percent"]];

    private List<Dictionary<string, object>> Rows(SurveyResults results)
    {
        string Q(string key) => l[key].Value;
        var rows = new List<Dictionary<string, object>>();
        foreach (var r in results.Questions)
        {
            void Add(string answer, object count, object percent) => rows.Add(new()
            {
                [Q("No.")] = r.Question.Order, [Q("Question")] = r.Question.Text, [Q("Answer")] = answer, [Q("Count")] = count, [Q("Percent")] = percent,
            });
            if (r.Question.IsChoice)
            {
                foreach (var o in r.Options)
                {
                    Add(o.Text.Length == 0 ? Q("Other") : o.Text, o.Count, o.Percent);
                }
            }
            else if (r.Question.Type == QuestionType.Rating)
            {
                for (var v = 0; v < r.Ratings.Count; v++)
                {
                    Add((v + 1).ToString(CultureInfo.InvariantCulture), r.Ratings[v], SurveyTally.Percent(r.Ratings[v], r.Respondents));
                }
            }
            if (r.Numbers is { } n)
            {
                Add(Q("Average"), Math.Round(n.Average, 2), "");
            }
            if (r.Question.IsText)
            {
                Add(Q("Answers in words"), r.TextCount, "");
            }
            Add(Q("Answered"), r.Respondents, SurveyTally.Percent(r.Respondents, results.Total));
        }
        return rows;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

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
