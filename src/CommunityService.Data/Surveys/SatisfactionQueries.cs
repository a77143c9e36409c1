using CommunityService.Data.Participation;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Data.Surveys;

public static class SatisfactionQueries
{
    /// <summary>
    /// The projects a resident took part in: checked in at one of its sessions (签到, walk-ins included), or served, with a
    /// service record in their name (a home visit, a meal). A sign-up alone is not taking part: the person may never have come.
    /// Feedback needs a service record, so it adds no one.
    /// </summary>
    public static IQueryable<int> ProjectsTakenPartIn(this CommunityServiceDbContext db, string userId) =>
        db.SignUps.Where(s => s.ResidentId == userId && s.Status == SignUpStatus.Registered && s.CheckedInAt != null).Select(s => s.ProjectId)
            .Concat(db.ServiceRecords.Where(r => r.ResidentId == userId).Select(r => r.ProjectId));

    public static Task<bool> TookPartInAsync(this CommunityServiceDbContext db, int projectId, string userId, CancellationToken ct) =>
        db.ProjectsTakenPartIn(userId).AnyAsync(p => p == projectId, ct);

    /// <summary>
    /// The project's satisfaction questionnaire a report is judged by, with the figures of each rating question and the counted
    /// answers of its choice and text questions, in one command whatever the number of answers: the count of each score from 1 to 5,
    /// of each option and of the written answers is a subquery per question (or option). That is the newest one with
    /// answers, so a new round still in draft or waiting for its first answer does not blank the figures of the last one; the newest
    /// when none has answers yet. Null when the project has none.
    /// </summary>
    public static async Task<SatisfactionFigures?> SatisfactionAsync(this CommunityServiceDbContext db, int projectId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking()
            .Where(s => s.ProjectId == projectId && s.Kind == SurveyKind.Satisfaction)
            .OrderByDescending(s => db.SurveyResponses.Any(r => r.SurveyId == s.Id)).ThenByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Title, s.Status,
                RoundInProgress = db.Surveys.Any(o => o.ProjectId == projectId && o.Kind == SurveyKind.Satisfaction && o.Status != SurveyStatus.Closed),
                Responses = db.SurveyResponses.Count(r => r.SurveyId == s.Id),
                Ratings = s.Questions.Where(q => q.Type == QuestionType.Rating).OrderBy(q => q.Order).Select(q => new
                {
                    q.Id, q.Order, q.Text,
                    One = db.SurveyAnswers.Count(a => a.QuestionId == q.Id && a.Number == 1m),
                    Two = db.SurveyAnswers.Count(a => a.QuestionId == q.Id && a.Number == 2m),
                    Three = db.SurveyAnswers.Count(a => a.QuestionId == q.Id && a.Number == 3m),
                    Four = db.SurveyAnswers.Count(a => a.QuestionId == q.Id && a.Number == 4m),
                    Five = db.SurveyAnswers.Count(a => a.QuestionId == q.Id && a.Number == 5m),
                }).ToList(),
                Tallies = s.Questions.Where(q => q.Type != QuestionType.Rating && q.Type != QuestionType.Number).OrderBy(q => q.Order).Select(q => new
                {
                    q.Id, q.Order, q.Text, q.Type, q.AllowOther,
                    Answered = db.SurveyAnswers.Where(a => a.QuestionId == q.Id && (a.OptionId != null || (a.Text != null && a.Text != "")))
                        .Select(a => a.ResponseId).Distinct().Count(),
                    Other = db.SurveyAnswers.Count(a => a.QuestionId == q.Id && a.OptionId == null && a.Text != null && a.Text != ""),
                    // Correlated to the option alone (SQLite has no APPLY), with its question so that the (QuestionId, OptionId) index serves it.
                    Options = q.Options.OrderBy(o => o.Order).Select(o => new { o.Text, Count = db.SurveyAnswers.Count(a => a.QuestionId == o.QuestionId && a.OptionId == o.Id) }).ToList(),
                }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return survey is null ? null : new SatisfactionFigures(survey.Id, survey.Title, survey.Status, survey.Responses,
            survey.Ratings.Select(q => new RatingFigures(q.Id, q.Order, q.Text, [q.One, q.Two, q.Three, q.Four, q.Five])).ToList())
        {
            RoundInProgress = survey.RoundInProgress,
            Tallies = survey.Tallies.Select(q => new AnswerTally(q.Id, q.Order, q.Text, q.Type, q.Answered,
                q.Options.Select(o => new ChoiceCount(o.Text, o.Count)).ToList(), q.AllowOther, q.AllowOther ? q.Other : 0)).ToList(),
        };
    }
}
