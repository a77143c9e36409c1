using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Surveys;
using CommunityService.Data.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Data.Execution;

/// <summary>The "on track?" panel of a project: objectives against what was delivered, money, tasks and feedback.</summary>
public sealed record ProjectProgress(
    ProjectFigures Figures, IReadOnlyList<ObjectiveProgress> Objectives, decimal BudgetPlanned, decimal Spent, decimal FeeIncome,
    int OpenTasks, int OverdueTasks, IReadOnlyList<FeedbackSnippet> LatestFeedback, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Today,
    SatisfactionFigures? Questionnaire = null)
{
    /// <summary>The questionnaire's answers a satisfaction objective is judged by; 0 when it is judged by the services' ratings.</summary>
    public int QuestionnaireAnswers => Questionnaire?.Ratings.OrderBy(r => r.Order).FirstOrDefault()?.Responses ?? 0;

    /// <summary>How much of the plan's period has gone by, in percent: the pace the objectives are held against.</summary>
    public int ElapsedPercent => (int)Math.Round(100 * ObjectiveProgress.ElapsedShare(PeriodStart, PeriodEnd, Today));

    public decimal BudgetLeft => BudgetPlanned - Spent;

    public int BudgetPercent => BudgetPlanned > 0 ? (int)Math.Min(100, Math.Floor(100 * Spent / BudgetPlanned)) : 0;

    public int Behind => Objectives.Count(o => o.State is ObjectiveState.Behind or ObjectiveState.Missed);
}

public sealed record FeedbackSnippet(int Rating, string Comment, DateTime CreatedAt);

public static class ProjectProgressQuery
{
    /// <summary>
    /// Every figure in one SQL command of aggregates (counts, sums, distinct counts), plus one for the newest comments: the cost does
    /// not grow with the number of records. Null when the project has no approved plan.
    /// </summary>
    public static async Task<ProjectProgress?> ForAsync(
        this CommunityServiceDbContext db, int projectId, ServicePlan? approvedPlan, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        // A satisfaction objective is judged by the questionnaire as in the evaluation report: one more command, only then.
        var satisfaction = approvedPlan?.Objectives.Any(o => o.MeasuredBy == MeasuredBy.SatisfactionSurvey) == true
            ? await db.SatisfactionAsync(projectId, ct)
            : null;
        return await db.ForAsync(projectId, approvedPlan, nowUtc, today, satisfaction, ct);
    }

    /// <summary>
    /// The same, with the project's satisfaction questionnaire already read (the evaluation report reads it anyway); the newest
    /// comments only when <paramref name="latestFeedback"/> (the report shows none of them).
    /// </summary>
    public static async Task<ProjectProgress?> ForAsync(
        this CommunityServiceDbContext db, int projectId, ServicePlan? approvedPlan, DateTime nowUtc, DateOnly today,
        SatisfactionFigures? satisfaction, CancellationToken ct, bool latestFeedback = true)
    {
        if (approvedPlan is null)
        {
            return null;
        }
        var planId = approvedPlan.Id;
        var row = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                Services = db.ServiceRecords.Count(r => r.ProjectId == projectId),
                People = db.ServiceRecords.Where(r => r.ProjectId == projectId).Select(r => r.ResidentId ?? "name:" + r.RecipientName).Distinct().Count(),
                Minutes = db.ServiceRecords.Where(r => r.ProjectId == projectId).Sum(r => (int?)r.DurationMinutes) ?? 0,
                Sessions = db.Sessions.Count(s => s.ProjectId == projectId && !s.IsCancelled && s.StartsAt <= nowUtc),
                VolunteerMinutes = db.Shifts.Where(s => s.Session!.ProjectId == projectId && s.IsVolunteer && s.Status == ShiftStatus.Confirmed)
                    .Sum(s => (int?)s.ConfirmedMinutes) ?? 0,
                SignUps = db.SignUps.Count(s => s.ProjectId == projectId && s.Status == SignUpStatus.Registered),
                Ratings = db.Feedback.Count(f => f.ProjectId == projectId),
                Satisfied = db.Feedback.Count(f => f.ProjectId == projectId && f.Rating >= 4),
                Average = db.Feedback.Where(f => f.ProjectId == projectId).Average(f => (double?)f.Rating),
                Planned = db.PlanBudgetLines.Where(b => b.PlanId == planId).Sum(b => (decimal?)b.Amount) ?? 0,
                Spent = db.Expenses.Where(e => e.ProjectId == projectId).Sum(e => (decimal?)e.Amount) ?? 0,
                Income = db.FeeIncome.Where(f => f.ProjectId == projectId).Sum(f => (decimal?)f.Amount) ?? 0,
                OpenTasks = db.Tasks.Count(t => t.ProjectId == projectId && t.Status != WorkStatus.Done),
                Overdue = db.Tasks.Count(t => t.ProjectId == projectId && t.Status != WorkStatus.Done && t.DueOn < today),
            })
            .FirstAsync(ct);
        var latest = !latestFeedback ? [] : await db.Feedback.AsNoTracking().Where(f => f.ProjectId == projectId && f.Comment != "")
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).Take(3)
            .Select(f => new FeedbackSnippet(f.Rating, f.Comment, f.CreatedAt))
            .ToListAsync(ct);
        var figures = new ProjectFigures(row.Services, row.People, row.Sessions, row.Minutes, row.VolunteerMinutes, row.SignUps,
            row.Ratings, row.Satisfied, row.Average);
        var objectives = approvedPlan.Objectives.OrderBy(o => o.Id)
            .Select(o => ObjectiveProgress.Of(o, figures, approvedPlan.StartDate, approvedPlan.EndDate, today, satisfaction))
            .ToList();
        return new ProjectProgress(figures, objectives, row.Planned, row.Spent, row.Income, row.OpenTasks, row.Overdue, latest,
            approvedPlan.StartDate, approvedPlan.EndDate, today, satisfaction);
    }
}
