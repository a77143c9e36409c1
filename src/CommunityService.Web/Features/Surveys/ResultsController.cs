using CommunityService.Data;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
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
        return await this.WorkbookAsync(SurveyResultsExport.Rows(results, key => l[key].Value), $"survey-{id}-results.xlsx", ct);
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
        return this.Csv(SurveyResultsExport.Columns(key => l[key].Value), SurveyResultsExport.Rows(results, key => l[key].Value), $"survey-{id}-results.csv");
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
        // The one query the portal writes in SQL (a window function per question): quoted names and typed parameters, so that the
        // same text runs on SQLite, SQL Server and PostgreSQL (which folds unquoted names to lower case and cannot type a bare NULL).
        return await db.Database.SqlQuery<TextAnswer>($"""
            SELECT x."QuestionId", x."Text" FROM (
                SELECT a."QuestionId", a."Text", ROW_NUMBER() OVER (PARTITION BY a."QuestionId" ORDER BY a."Id" DESC) AS "RowNumber"
                FROM "SurveyAnswers" a JOIN "SurveyResponses" r ON r."Id" = a."ResponseId"
                WHERE r."SurveyId" = {id} AND a."Text" IS NOT NULL
                  AND (CAST({community} AS integer) IS NULL OR r."CommunityId" = {community})
                  AND (CAST({band} AS varchar(20)) IS NULL OR r."AgeBand" = {band})
                  AND (CAST({channel} AS varchar(20)) IS NULL OR r."Channel" = {channel})
            ) x
            WHERE x."RowNumber" <= {TextsPerQuestion}
            """).ToListAsync(ct);
    }
}
