using CommunityService.Data;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Surveys;
using CommunityService.Data.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Trace;

/// <summary>
/// The trace pages' reads. Each loads a whole level of the chain for every project, plan or need at once (ids in a list, figures as
/// aggregates in the database), so a page runs the same number of commands however many projects, records or evaluations there are.
/// Nothing here reads a person's data: service records, feedback and answers are only counted.
/// </summary>
public static class TraceQueries
{
    /// <summary>The characters of a report's summary the need page shows.</summary>
    public const int SummaryExcerpt = 120;

    /// <summary>One command: the need with its names and target groups; null when there is none.</summary>
    public static Task<TraceNeed?> TraceNeedAsync(this CommunityServiceDbContext db, int id, CancellationToken ct) =>
        db.Needs.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new TraceNeed(n.Id, n.Text, n.CommunityId, n.Community!.Name, n.Category, n.ServiceType!.Name, n.Priority, n.Status,
                n.ResidentsConcerned, n.SetAsideReason, n.SurveyId, n.TargetGroups.OrderBy(g => g.Group).Select(g => g.Group).ToList()))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The need's evidence (at most six commands), then its projects with their newest decision and plan in force (one), the
    /// decisions (one), the plans with their objectives (one), the figures of all of them (one) and their evaluations (three).
    /// </summary>
    /// <remarks>
    /// <paramref name="onlyCommunity"/> is the community of staff who work in one: a project moved to another community since
    /// it took up the need is left out for them, as the project pages would refuse it.
    /// </remarks>
    public static async Task<NeedTracePage> NeedTraceAsync(this CommunityServiceDbContext db, TraceNeed need, int? onlyCommunity, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var evidence = await db.EvidenceAsync([need], ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.Needs.Any(n => n.Id == need.Id))
            .Where(p => onlyCommunity == null || p.CommunityId == onlyCommunity)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Name, p.Stage, p.Category, ServiceType = p.ServiceType!.Name, Community = p.Community!.Name,
                DecisionId = p.Decisions.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefault(),
                PlanId = p.Plans.Where(x => x.Status == PlanStatus.Approved).OrderByDescending(x => x.VersionNumber).Select(x => (int?)x.Id).FirstOrDefault(),
                LatestVersion = p.Plans.Max(x => (int?)x.VersionNumber),
            })
            .ToListAsync(ct);
        if (projects.Count == 0)
        {
            return new NeedTracePage(need, evidence, []);
        }
        var projectIds = projects.Select(p => p.Id).ToList();
        var decisions = await db.DecisionsAsync(projects.Select(p => p.DecisionId).OfType<int>().ToList(), ct);
        var plans = await db.PlansAsync(projects.Select(p => p.PlanId).OfType<int>().ToList(), ct);
        var figures = await db.FiguresAsync(projectIds, nowUtc, ct);
        var verdicts = await db.VerdictsAsync(projectIds, ct);
        var traced = projects.Select(p =>
        {
            var plan = plans.FirstOrDefault(x => x.Id == p.PlanId);
            var delivered = figures.GetValueOrDefault(p.Id, ProjectFigures.None);
            var progress = plan?.Objectives.Select(o => ObjectiveProgress.Of(o, delivered, plan.StartDate, plan.EndDate, today)).ToList() ?? [];
            return new TraceProject(p.Id, p.Name, p.Stage, p.Category, p.ServiceType, p.Community, decisions.FirstOrDefault(d => d.ProjectId == p.Id),
                plan, p.LatestVersion, delivered, progress, verdicts.Where(v => v.ProjectId == p.Id).ToList());
        }).ToList();
        return new NeedTracePage(need, evidence, traced);
    }

    /// <summary>One command: the report, its project and community, the names, the plan in force now and the newest decision.</summary>
    public static Task<TraceReport?> TraceReportAsync(this CommunityServiceDbContext db, int id, CancellationToken ct) =>
        db.Evaluations.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new TraceReport(e.Id, e.ProjectId, e.Project!.Name, e.Project.Stage, e.Project.Category, e.Project.CommunityId, e.Project.Community!.Name,
                e.Timing, e.Status, e.ByInterview, e.ByQuestionnaire, e.ByOtherMeans, e.OtherMeans,
                db.Users.Where(u => u.Id == e.CreatedById).Select(u => u.DisplayName).FirstOrDefault() ?? "", e.CreatedAt, e.SubmittedAt,
                db.Users.Where(u => u.Id == e.ReviewedById).Select(u => u.DisplayName).FirstOrDefault(), e.ReviewedAt, e.ReviewComment,
                e.Summary, e.PlanId, e.PeopleServed, e.CorrectsReportId,
                db.Plans.Where(p => p.ProjectId == e.ProjectId && p.Status == PlanStatus.Approved).OrderByDescending(p => p.VersionNumber).Select(p => (int?)p.Id).FirstOrDefault(),
                db.Plans.Where(p => p.ProjectId == e.ProjectId && p.Status == PlanStatus.Approved && e.SubmittedAt != null && p.ReviewedAt <= e.SubmittedAt)
                    .OrderByDescending(p => p.VersionNumber).Select(p => (int?)p.Id).FirstOrDefault(),
                db.Decisions.Where(d => d.ProjectId == e.ProjectId).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The report's objectives and scores (two commands), the plan it was written against and the one in force (one), the decision
    /// (one), the needs the project answers (one) and their evidence (at most six).
    /// </summary>
    /// <remarks><paramref name="onlyCommunity"/>: as for a need's trace, staff of one community see only its needs.</remarks>
    public static async Task<EvaluationTracePage> EvaluationTraceAsync(this CommunityServiceDbContext db, TraceReport report, int? onlyCommunity, CancellationToken ct)
    {
        var objectives = await db.Set<EvaluationObjective>().AsNoTracking().Where(o => o.ReportId == report.Id).OrderBy(o => o.Order).ThenBy(o => o.Id).ToListAsync(ct);
        var dimensions = (await db.Set<EvaluationDimensionScore>().AsNoTracking().Where(d => d.ReportId == report.Id).ToListAsync(ct)).OrderBy(d => d.Dimension).ToList();
        var (writtenAgainst, inferred) = WrittenAgainst.Of(report.PlanId, report.PlanAtSubmissionId);
        var plans = await db.PlansAsync(new[] { writtenAgainst, report.PlanInForceId }.OfType<int>().Distinct().ToList(), ct);
        var decisions = await db.DecisionsAsync(report.DecisionId is { } decisionId ? [decisionId] : [], ct);
        var needs = await db.Needs.AsNoTracking().Where(n => n.Projects.Any(p => p.Id == report.ProjectId))
            .Where(n => onlyCommunity == null || n.CommunityId == onlyCommunity).OrderBy(n => n.Id)
            .Select(n => new TraceNeed(n.Id, n.Text, n.CommunityId, n.Community!.Name, n.Category, n.ServiceType!.Name, n.Priority, n.Status,
                n.ResidentsConcerned, n.SetAsideReason, n.SurveyId, n.TargetGroups.OrderBy(g => g.Group).Select(g => g.Group).ToList()))
            .ToListAsync(ct);
        var evidence = await db.EvidenceAsync(needs, ct);
        return new EvaluationTracePage(report, objectives, dimensions, plans.FirstOrDefault(p => p.Id == writtenAgainst), inferred,
            plans.FirstOrDefault(p => p.Id == report.PlanInForceId), decisions.FirstOrDefault(), needs, evidence);
    }

    /// <summary>
    /// The surveys and evidence of the needs: the evidence with its question or note (one command), the surveys (one), and for the
    /// questions their options (one), answers per option, people answering and number statistics (three), combined the way the
    /// survey's results page combines them. Answers in words are neither read nor shown.
    /// </summary>
    public static async Task<TraceEvidenceSet> EvidenceAsync(this CommunityServiceDbContext db, IReadOnlyCollection<TraceNeed> needs, CancellationToken ct)
    {
        var needIds = needs.Select(n => n.Id).ToList();
        if (needIds.Count == 0)
        {
            return TraceEvidenceSet.Empty;
        }
        var rows = await (
            from e in db.NeedEvidence.AsNoTracking()
            where needIds.Contains(e.NeedId)
            join q in db.SurveyQuestions on e.QuestionId equals (int?)q.Id into questions
            from q in questions.DefaultIfEmpty()
            join n in db.FieldNotes on e.FieldNoteId equals (int?)n.Id into notes
            from n in notes.DefaultIfEmpty()
            orderby e.NeedId, e.Id
            select new
            {
                e.Id, e.NeedId, e.Figure, e.QuestionId, e.FieldNoteId,
                QuestionSurvey = q == null ? (int?)null : q.SurveyId,
                NoteSurvey = n == null ? (int?)null : n.SurveyId,
                NoteKind = n == null ? (FieldNoteKind?)null : n.Kind,
                NoteWhen = n == null ? (DateTime?)null : n.When,
                NoteCommunity = n == null ? null : db.Communities.Where(c => c.Id == n.CommunityId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var surveyIds = needs.Select(n => n.SurveyId).Concat(rows.Select(r => r.QuestionSurvey ?? r.NoteSurvey)).OfType<int>().Distinct().ToList();
        var surveys = surveyIds.Count == 0 ? [] : await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id))
            .Select(s => new TraceSurvey(s.Id, s.Title, s.UsesQuestionnaire, s.UsesInterview, s.UsesObservation, s.Status, s.StartDate, s.EndDate,
                db.SurveyResponses.Count(r => r.SurveyId == s.Id)))
            .ToListAsync(ct);

        var questionIds = rows.Select(r => r.QuestionId).OfType<int>().Distinct().ToList();
        var results = new List<QuestionResult>();
        if (questionIds.Count > 0)
        {
            var questions = await db.SurveyQuestions.AsNoTracking().Include(q => q.Options).Where(q => questionIds.Contains(q.Id)).ToListAsync(ct);
            var answers = db.SurveyAnswers.Where(a => questionIds.Contains(a.QuestionId));
            var sums = await AnswerAggregates.OfAsync(answers, ct);
            results = SurveyTally.Combine(questions, sums.Options, sums.Respondents, sums.Numbers, [], [], []);
        }

        var items = rows.Select(r => new TraceEvidence(r.Id, r.NeedId, r.QuestionSurvey ?? r.NoteSurvey, r.Figure,
                results.FirstOrDefault(q => q.Question.Id == r.QuestionId),
                r.FieldNoteId is { } noteId && r.NoteKind is { } kind ? new TraceFieldNote(noteId, kind, r.NoteWhen!.Value, r.NoteCommunity) : null))
            .ToList();
        return new TraceEvidenceSet(surveys.ToDictionary(s => s.Id), items);
    }

    /// <summary>One command: the decisions with who made them.</summary>
    private static async Task<List<TraceDecision>> DecisionsAsync(this CommunityServiceDbContext db, List<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new TraceDecision(d.ProjectId, d.Outcome, d.Reason, db.Users.Where(u => u.Id == d.DecidedById).Select(u => u.DisplayName).FirstOrDefault() ?? "", d.DecidedAt))
            .ToListAsync(ct);

    /// <summary>One command: the plan versions with their objectives and who approved them.</summary>
    private static async Task<List<TracePlan>> PlansAsync(this CommunityServiceDbContext db, List<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Plans.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new TracePlan(p.Id, p.ProjectId, p.VersionNumber, p.Status, p.StartDate, p.EndDate,
                db.Users.Where(u => u.Id == p.ReviewedById).Select(u => u.DisplayName).FirstOrDefault(), p.ReviewedAt,
                p.Objectives.OrderBy(o => o.Id).ToList()))
            .ToListAsync(ct);

    /// <summary>
    /// One command for all the projects: what each has delivered, counted the way the project page's "on track?" panel counts it
    /// (<see cref="Data.Execution.ProjectProgressQuery"/>): records, different people, minutes, sessions held, volunteers' confirmed minutes,
    /// places held, and the ratings.
    /// </summary>
    public static async Task<Dictionary<int, ProjectFigures>> FiguresAsync(this CommunityServiceDbContext db, List<int> projectIds, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Services = db.ServiceRecords.Count(r => r.ProjectId == p.Id),
                People = db.ServiceRecords.Where(r => r.ProjectId == p.Id).Select(r => r.ResidentId ?? "name:" + r.RecipientName).Distinct().Count(),
                Minutes = db.ServiceRecords.Where(r => r.ProjectId == p.Id).Sum(r => (int?)r.DurationMinutes) ?? 0,
                Sessions = db.Sessions.Count(s => s.ProjectId == p.Id && !s.IsCancelled && s.StartsAt <= nowUtc),
                VolunteerMinutes = db.Shifts.Where(s => s.Session!.ProjectId == p.Id && s.IsVolunteer && s.Status == ShiftStatus.Confirmed)
                    .Sum(s => (int?)s.ConfirmedMinutes) ?? 0,
                SignUps = db.SignUps.Count(s => s.ProjectId == p.Id && s.Status == SignUpStatus.Registered),
                Ratings = db.Feedback.Count(f => f.ProjectId == p.Id),
                Satisfied = db.Feedback.Count(f => f.ProjectId == p.Id && f.Rating >= 4),
                Average = db.Feedback.Where(f => f.ProjectId == p.Id).Average(f => (double?)f.Rating),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new ProjectFigures(r.Services, r.People, r.Sessions, r.Minutes, r.VolunteerMinutes, r.SignUps,
            r.Ratings, r.Satisfied, r.Average));
    }

    /// <summary>
    /// Three commands for all the projects: their reports (names and the plan version in the same command), the frozen objectives
    /// and the dimension scores.
    /// </summary>
    private static async Task<List<TraceVerdict>> VerdictsAsync(this CommunityServiceDbContext db, List<int> projectIds, CancellationToken ct)
    {
        var reports = await db.Evaluations.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId))
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.ProjectId, e.Timing, e.Status, e.CreatedAt, e.SubmittedAt, e.ReviewedAt,
                ReviewedBy = db.Users.Where(u => u.Id == e.ReviewedById).Select(u => u.DisplayName).FirstOrDefault(),
                // The version frozen into the report, or for one that did not record it the version approved last before it was submitted.
                PlanVersion = db.Plans.Where(p => p.Id == e.PlanId
                        || (e.PlanId == null && e.SubmittedAt != null && p.ProjectId == e.ProjectId && p.Status == PlanStatus.Approved && p.ReviewedAt <= e.SubmittedAt))
                    .OrderByDescending(p => p.VersionNumber).Select(p => (int?)p.VersionNumber).FirstOrDefault(),
                e.Summary,
            })
            .ToListAsync(ct);
        if (reports.Count == 0)
        {
            return [];
        }
        var reportIds = reports.Select(r => r.Id).ToList();
        var objectives = await db.Set<EvaluationObjective>().AsNoTracking().Where(o => reportIds.Contains(o.ReportId)).OrderBy(o => o.Order).ThenBy(o => o.Id).ToListAsync(ct);
        // Stored by name: put in the enum's order here, not the names' alphabetical one.
        var dimensions = (await db.Set<EvaluationDimensionScore>().AsNoTracking().Where(d => reportIds.Contains(d.ReportId)).ToListAsync(ct)).OrderBy(d => d.Dimension).ToList();
        return reports.Select(r => new TraceVerdict(r.Id, r.ProjectId, r.Timing, r.Status, r.CreatedAt, r.SubmittedAt, r.ReviewedBy, r.ReviewedAt, r.PlanVersion,
                TraceText.Excerpt(r.Summary, SummaryExcerpt), objectives.Where(o => o.ReportId == r.Id).ToList(), dimensions.Where(d => d.ReportId == r.Id).ToList()))
            .ToList();
    }
}
