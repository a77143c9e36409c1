using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Needs;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Pages;

/// <summary>
/// Each list and detail page runs the same number of SQL commands with the demo data and with a thousand
/// more rows behind it: no query per row. The ceiling per page is named so a new query is a deliberate choice.
/// </summary>
public class QueryCountTests(PortalFactory portal) : PortalTest(portal)
{
    public static TheoryData<string, string?, int> Pages => new()
    {
        { "/", null, 3 },
        { "/notices", null, 3 },
        { "/notices?q=%E6%9C%8D%E5%8A%A1&category=Welfare&page=2", null, 3 },
        { "/notices?fee=Paid&mode=AtHome&group=AllResidents&community=1", null, 3 },
        { "/services", null, 1 },
        { "/projects", "staff", 3 },
        { "/projects?stage=Execution&page=3", "staff", 3 },
        // The project page: the project (split), counts, names, and the "on track?" figures (one aggregate command and the newest comments,
        // and, as this project has a satisfaction objective, its questionnaire's figures in one command).
        { "/projects/{project}", "staff", 15 },
        // The plan page: the project with its versions (split), the names, and which versions belong to an adjustment.
        { "/projects/{project}/plan", "staff", 11 },
        { "/projects/{project}/records", "staff", 4 },
        { "/projects/{project}/tasks", "staff", 4 },
        { "/tasks", "staff", 2 },
        { "/projects/{project}/feedback", "staff", 4 },
        { "/projects/{project}/home-visits", "staff", 3 },
        { "/projects/{project}/home-visits?status=Scheduled&page=2", "staff", 3 },
        { "/home-visits/{visit}", "staff", 2 },
        { "/needs", "staff", 3 },
        { "/surveys", "staff", 2 },
        { "/reviews", "manager", 3 },
        { "/admin/users", "admin", 2 },
        // The resident's page: sign-ups, home visits, surveys, services, the profile, and the requests about their data.
        { "/me", "resident", 6 },
        // A case file's page: the access check (staff) or the worker choices (manager), the file, its workers, a page of notes
        // (count and rows), and the audit entry of the read.
        { "/cases", "staff", 2 },
        { "/cases?status=Open&project={project}&page=2", "manager", 2 },
        { "/cases/{case}", "staff", 6 },
        { "/cases/{case}", "manager", 6 },
        { "/audit", "manager", 2 },
        { "/audit?type=CaseFile&result=Succeeded&actor=%E6%9D%8E&from=2020-01-01&to=2099-12-31&page=2", "manager", 2 },
        { "/volunteer", "volunteer", 4 },
        { "/volunteer/hours/print", "volunteer", 2 },
        { "/volunteers", "staff", 6 },
        { "/volunteers?from=2020-01-01&to=2099-12-31&project={project}&page=2", "staff", 7 },
        { "/volunteers/{volunteer}", "staff", 4 },
        { "/projects/{project}/shifts", "staff", 5 },
        { "/projects/{project}/shifts?page=3", "staff", 5 },
        // Adjustments: the project with its plan versions, a page of adjustments (count and rows); an adjustment's page: the
        // adjustment with its project, its plan version and the approved ones (split: the plan and six kinds of parts), the names.
        { "/projects/{project}/adjustments", "staff", 3 },
        { "/projects/{project}/adjustments?page=2", "staff", 3 },
        { "/adjustments/{adjustment}", "manager", 9 },
        // Money: the project with its approved plan, the plan's lines, spending grouped by line, fee income summed, the newest expenses and fees.
        { "/projects/{project}/money", "staff", 6 },
        // Dashboard: the communities for the filter, and DashboardQuery.Commands (14) GROUP BY queries whatever the rows.
        { "/dashboard", "manager", 15 },
        { "/dashboard?from=2020-01-01&to=2030-12-31&community=1&category=Welfare", "manager", 15 },
        // Evaluations: the project, its reports (names in the same command) and its satisfaction questionnaires; a report's page: the
        // report with its project (split: the report and four kinds of rows), the names with the corrections and the target groups,
        // then a draft's live figures (the plan split in four, the aggregate with the fee income, spending grouped, the satisfaction
        // questionnaire's scores and counted choices) or a submitted report's frozen rows (budget, ratings, counted choices).
        { "/projects/{project}/evaluations", "staff", 3 },
        { "/evaluations/{evaluation}", "staff", 13 },
        { "/evaluations/{evaluation}/print", "staff", 13 },
        { "/evaluations/{submitted}", "staff", 9 },
        { "/evaluations/{submitted}/print", "staff", 9 },
        // Public notice pages (uncached): the notice with its project and the plan's delivery, its sessions with places.
        { "/notices/{notice}", null, 4 },
        { "/notices/{notice}/poster", null, 4 },
        { "/notices/{notice}/flyer", null, 4 },
        { "/notices/{notice}/manage", "staff", 4 },
        // Sessions and sign-up lists: a page of sessions with counts; a session's list (places and waiting list) and the check-in sheet.
        { "/projects/{project}/sessions", "staff", 4 },
        { "/projects/{project}/sessions?page=3", "staff", 4 },
        { "/sessions/{session}", "staff", 4 },
        { "/sessions/{session}/check-in", "staff", 4 },
        { "/projects/{project}/progress", "staff", 4 },
        { "/projects/{project}/plan/print", "staff", 11 },
        // Surveys: the survey page (the survey split in its communities and questions with options, the response count and the
        // evidence linked to needs), the results of a thousand more answers.
        { "/surveys/{survey}", "staff", 7 },
        { "/surveys/{survey}/results", "staff", 12 },
        { "/communities", "staff", 2 },
        { "/communities/{community}/profile", "staff", 4 },
        { "/representatives", "staff", 3 },
        { "/admin/communities", "admin", 2 },
        { "/admin/service-types", "admin", 2 },
        { "/admin/users?page=2", "admin", 2 },
        { "/me/data", "resident", 12 },
        { "/volunteer/profile", "volunteer", 3 },
        // Trace: a need of 残疾人康复上门服务 evidenced by a question and an interview, down to a submitted evaluation: the need, its
        // evidence (the items, the surveys, the questions, answers per option, people answering, number statistics), the projects,
        // the decisions, the plans, the figures of all projects in one aggregate command, and the reports (reports, objectives, scores).
        // Back from that evaluation: the report, its objectives and scores, the plan versions, the decision, the needs and their evidence.
        { "/trace/needs/{need}", "staff", 14 },
        { "/trace/evaluations/{traced}", "staff", 12 },
        { "/surveys?kind=Satisfaction", "staff", 2 },
        // Privacy requests: a page of the queue (count and rows, names in the same command); a request (with its names) and the
        // resident's account; the resident's own requests.
        { "/privacy-requests", "staff", 2 },
        { "/privacy-requests?status=Open&page=2", "manager", 2 },
        { "/privacy-requests/{privacy}", "staff", 2 },
        { "/me/privacy", "resident", 1 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_runs_a_fixed_number_of_sql_commands_however_many_rows(string url, string? user, int ceiling)
    {
        var client = await Portal.ClientForAsync(user);
        var project = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync());
        var visit = await Portal.WithDbAsync(db => db.HomeVisitRequests.Where(r => r.ProjectId == project && r.Status == Data.Participation.HomeVisitStatus.Scheduled).Select(r => r.Id).FirstAsync());
        var caseFile = await Portal.WithDbAsync(db => db.CaseFiles.Where(c => c.ProjectId == project).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var volunteer = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "volunteer").Select(u => u.Id).SingleAsync());
        var adjustment = url.Contains("{adjustment}", StringComparison.Ordinal) ? await AddBudgetAdjustmentAsync(project) : 0;
        var evaluation = url.Contains("{evaluation}", StringComparison.Ordinal) ? await AddDraftEvaluationAsync(project) : 0;
        var submitted = url.Contains("{submitted}", StringComparison.Ordinal) ? await AddSubmittedEvaluationAsync(project) : 0;
        var session = await FirstSessionAsync(project);
        var notice = await Portal.WithDbAsync(db => db.Notices.Where(n => n.ProjectId == project && n.Status == NoticeStatus.Published).Select(n => n.Id).FirstAsync());
        var survey = await Portal.WithDbAsync(db => db.Surveys.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var community = await Portal.WithDbAsync(db => db.Communities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var (need, traced) = url.StartsWith("/trace/", StringComparison.Ordinal) ? await AddTraceAsync(project) : (0, 0);
        url = url.Replace("{project}", project.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{volunteer}", volunteer, StringComparison.Ordinal)
            .Replace("{visit}", visit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{adjustment}", adjustment.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{evaluation}", evaluation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{submitted}", submitted.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{case}", caseFile.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{session}", session.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{notice}", notice.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{survey}", survey.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{community}", community.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{need}", need.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{traced}", traced.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{privacy}", (await Portal.WithDbAsync(db => db.PrivacyRequests.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await client.GetAsync(url);
        var (_, before) = await CountAsync(client, url);

        await AddManyRowsAsync(project);
        var (response, after) = await CountAsync(client, url);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, after);
        Assert.InRange(after, 1, ceiling);
    }

    /// <summary>
    /// The page's own commands, uncached: the fewer of two requests, since the sign-in cookie's security stamp is
    /// re-checked once a minute and that check's queries belong to no page.
    /// </summary>
    private async Task<(HttpResponseMessage Response, int Commands)> CountAsync(HttpClient client, string url)
    {
        await Portal.EvictPublicCacheAsync();
        var first = await Portal.CountCommandsAsync(client, url);
        await Portal.EvictPublicCacheAsync();
        var second = await Portal.CountCommandsAsync(client, url);
        return second.Commands <= first.Commands ? second : first;
    }

    /// <summary>The project's first session, made for the test when the demo gives it none: the thousand sign-ups go on it.</summary>
    private Task<int> FirstSessionAsync(int projectId) => Portal.WithDbAsync(async db =>
    {
        var first = await db.Sessions.Where(s => s.ProjectId == projectId).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        if (first is { } id)
        {
            return id;
        }
        var now = DateTime.UtcNow;
        var session = new Data.Participation.ServiceSession(20) { ProjectId = projectId, Title = "首场", StartsAt = now.AddDays(3), EndsAt = now.AddDays(3).AddHours(2), Place = "活动室", CreatedAt = now };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    /// <summary>A change of budget with its new plan version: the adjustment page at its fullest.</summary>
    private Task<int> AddBudgetAdjustmentAsync(int projectId) => Portal.WithDbAsync(async db =>
    {
        var project = await db.Projects.Include(p => p.Plans).ThenInclude(p => p.BudgetLines).Include(p => p.Plans).ThenInclude(p => p.Objectives)
            .SingleAsync(p => p.Id == projectId);
        var adjustment = new PlanAdjustment { ChangesBudget = true, WhatChanged = "增加经费", Why = "人次增加" };
        Assert.True(adjustment.Start(project, "staff", DateTime.UtcNow).IsPassed);
        adjustment.ResultingPlan!.BudgetLines[0].Amount += 100;
        db.Adjustments.Add(adjustment);
        await db.SaveChangesAsync();
        return adjustment.Id;
    });

    /// <summary>A draft process evaluation: its page computes the live figures, the most it ever does, a satisfaction questionnaire's included.</summary>
    private Task<int> AddDraftEvaluationAsync(int projectId) => Portal.WithDbAsync(async db =>
    {
        var project = await db.Projects.Include(p => p.Community).SingleAsync(p => p.Id == projectId);
        Assert.True(Data.Surveys.Survey.StartSatisfaction(project, project.Community!, false, "满意度调查",
            Data.Surveys.SatisfactionTemplate.Questions(key => key), DateOnly.FromDateTime(DateTime.UtcNow), "staff", DateTime.UtcNow, out var questionnaire).IsPassed);
        db.Surveys.Add(questionnaire!);
        await db.SaveChangesAsync();
        var plan = await db.Plans.Include(p => p.Objectives).Include(p => p.Beneficiaries)
            .Where(p => p.ProjectId == projectId && p.Status == Data.Plans.PlanStatus.Approved).OrderByDescending(p => p.VersionNumber).FirstAsync();
        var report = Data.Evaluations.EvaluationReport.Start(projectId, Data.Evaluations.EvaluationTiming.During, plan, [TargetGroup.Disabled], "staff", DateTime.UtcNow);
        db.Evaluations.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    /// <summary>
    /// A submitted process evaluation with every kind of frozen row: budget lines, and the rating and counted choice questions of a
    /// satisfaction questionnaire answered once. Its page reads those rows and no live figures.
    /// </summary>
    private async Task<int> AddSubmittedEvaluationAsync(int projectId)
    {
        var draft = await AddDraftEvaluationAsync(projectId);
        return await Portal.WithDbAsync(async db =>
        {
            var questionnaire = await db.Surveys.Include(s => s.Questions).ThenInclude(q => q.Options).Where(s => s.ProjectId == projectId).OrderByDescending(s => s.Id).FirstAsync();
            var response = new Data.Surveys.SurveyResponse { SurveyId = questionnaire.Id, SubmittedAt = DateTime.UtcNow, Channel = Data.Surveys.ResponseChannel.Paper };
            foreach (var q in questionnaire.Questions)
            {
                response.Answers.Add(q.IsChoice ? new Data.Surveys.SurveyAnswer { QuestionId = q.Id, OptionId = q.Options[0].Id }
                    : q.IsText ? new Data.Surveys.SurveyAnswer { QuestionId = q.Id, Text = "好" } : new Data.Surveys.SurveyAnswer { QuestionId = q.Id, Number = 5 });
            }
            db.SurveyResponses.Add(response);
            await db.SaveChangesAsync();
            var report = await db.Evaluations.AsSplitQuery().Include(e => e.Dimensions).Include(e => e.Objectives).Include(e => e.Participation)
                .Include(e => e.BudgetLines).Include(e => e.Satisfaction).Include(e => e.SatisfactionTallies).SingleAsync(e => e.Id == draft);
            (report.ByInterview, report.Summary, report.Improvements) = (true, "过程评估", "增加场次");
            foreach (var d in report.Dimensions)
            {
                (d.Score, d.Narrative) = (4, "按计划推进");
            }
            foreach (var o in report.Objectives.Where(o => o.IsTypedByHand))
            {
                o.Actual = 1;
            }
            var now = DateTime.UtcNow;
            Assert.True(report.Submit(await db.EvaluationFactsAsync(projectId, now, DateOnly.FromDateTime(now), default), now).IsPassed);
            Assert.NotEmpty(report.BudgetLines);
            Assert.NotEmpty(report.Satisfaction);
            Assert.NotEmpty(report.SatisfactionTallies);
            await db.SaveChangesAsync();
            return report.Id;
        });
    }

    /// <summary>
    /// The trace at its fullest: the project's need gets survey evidence (a choice question and an interview), and a process
    /// evaluation written against plan version 1 is submitted (version 2 is in force since).
    /// </summary>
    private Task<(int Need, int Evaluation)> AddTraceAsync(int projectId) => Portal.WithDbAsync(async db =>
    {
        var need = await db.Needs.Where(n => n.Projects.Any(p => p.Id == projectId)).OrderBy(n => n.Id).FirstAsync();
        var survey = await db.Surveys.OrderBy(s => s.Id).FirstAsync();
        var question = await db.SurveyQuestions.Where(q => q.SurveyId == survey.Id && q.Type == Data.Surveys.QuestionType.MultipleChoice).OrderBy(q => q.Order).FirstAsync();
        var rating = await db.SurveyQuestions.Where(q => q.SurveyId == survey.Id && q.Type == Data.Surveys.QuestionType.Rating).OrderBy(q => q.Order).FirstAsync();
        var note = await db.FieldNotes.Where(n => n.SurveyId == survey.Id).OrderBy(n => n.Id).FirstAsync();
        db.NeedEvidence.AddRange(
            new NeedEvidence { NeedId = need.Id, QuestionId = question.Id, Figure = "约三成选择上门康复" },
            new NeedEvidence { NeedId = need.Id, QuestionId = rating.Id, Figure = "满意度一般" },
            new NeedEvidence { NeedId = need.Id, FieldNoteId = note.Id });
        var first = await db.Plans.Include(p => p.Objectives).Include(p => p.Beneficiaries).SingleAsync(p => p.ProjectId == projectId && p.VersionNumber == 1);
        var report = Data.Evaluations.EvaluationReport.Start(projectId, Data.Evaluations.EvaluationTiming.During, first, [TargetGroup.Disabled], "staff", DateTime.UtcNow);
        report.ByInterview = true;
        (report.Summary, report.Improvements) = ("按第 1 版计划评估", "按新版计划调整");
        foreach (var d in report.Dimensions)
        {
            (d.Score, d.Narrative) = (4, "按计划推进");
        }
        var facts = new Data.Evaluations.EvaluationFacts(first, [TargetGroup.Disabled], ProjectFigures.None, new Data.Evaluations.BudgetFacts([], 0m));
        Assert.True(report.Submit(facts, DateTime.UtcNow).IsPassed);
        db.Evaluations.Add(report);
        await db.SaveChangesAsync();
        return (need.Id, report.Id);
    });

    private Task AddManyRowsAsync(int projectId) => Portal.WithDbAsync(async db =>
    {
        var adjusted = await db.Projects.Include(p => p.Plans).SingleAsync(p => p.Id == projectId);
        var now = DateTime.UtcNow;
        var protector = Portal.Services.GetRequiredService<Web.Features.Cases.CaseProtector>();
        var needs = Portal.Services.GetRequiredService<Web.Shared.Security.HomeVisitNeedProtector>();
        var caseFile = await db.CaseFiles.Where(c => c.ProjectId == projectId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var type = await db.ServiceTypes.FirstAsync();
        var community = await db.Communities.FirstAsync();
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
        var volunteer = await db.Users.Where(u => u.UserName == "volunteer").Select(u => u.Id).SingleAsync();
        var resident = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync();
        var firstSession = await db.Sessions.Where(s => s.ProjectId == projectId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var survey = await db.Surveys.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var question = await db.SurveyQuestions.Where(q => q.SurveyId == survey).OrderBy(q => q.Order).Select(q => (int?)q.Id).FirstOrDefaultAsync();
        var communityIds = await db.Communities.Select(c => c.Id).ToListAsync();
        var records = new List<ServiceRecord>();
        var ratings = await db.SurveyQuestions.Where(q => q.Type == Data.Surveys.QuestionType.Rating
            && db.Surveys.Any(s => s.Id == q.SurveyId && s.ProjectId == projectId)).Select(q => new { q.SurveyId, q.Id }).ToListAsync();
        for (var i = 0; i < 1000; i++)
        {
            if (ratings.Count > 0)
            {
                db.SurveyResponses.Add(new Data.Surveys.SurveyResponse
                {
                    SurveyId = ratings[0].SurveyId, Channel = Data.Surveys.ResponseChannel.Paper, SubmittedAt = now, UpdatedAt = now,
                    Answers = ratings.Select(q => new Data.Surveys.SurveyAnswer { QuestionId = q.Id, Number = 1 + (i % 5) }).ToList(),
                });
            }
            var project = new ServiceProject
            {
                Name = $"批量项目 {i}", Category = type.Category, ServiceTypeId = type.Id, CommunityId = community.Id, CreatedById = staff,
                CreatedAt = now, UpdatedAt = now.AddMinutes(-i), TargetGroups = [new ProjectTargetGroup { Group = TargetGroup.Elderly }],
            };
            project.Needs.Add(new NeedFinding { CommunityId = community.Id, Text = $"需求 {i}", CreatedById = staff, CreatedAt = now, TargetGroups = [new NeedTargetGroup { Group = TargetGroup.Elderly }] });
            var notice = new Notice { Title = $"服务通知 {i}", Body = "批量", CreatedAt = now };
            notice.Publish(now.AddMinutes(-i));
            project.Notices.Add(notice);
            db.Projects.Add(project);
            var recorded = new PlanAdjustment { ChangesSchedule = true, WhatChanged = $"调整 {i}", Why = "原因" };
            Assert.True(recorded.Start(adjusted, staff, now.AddMinutes(-i)).IsPassed);
            db.Adjustments.Add(recorded);
            var record = new ServiceRecord { ProjectId = projectId, RecipientName = $"居民 {i}", DeliveredAt = now.AddMinutes(-i), DurationMinutes = 30, Description = "上门", RecordedById = staff, CreatedAt = now };
            if (i % 2 == 0)
            {
                record.ResidentId = resident;
            }
            records.Add(record);
            db.ServiceRecords.Add(record);
            // Sign-ups on the first session (places, then the waiting list, some cancelled) and the resident on every new session.
            db.SignUps.Add(new Data.Participation.SignUp
            {
                SessionId = firstSession, ProjectId = projectId, Name = $"报名 {i}", Phone = "13800138000", Channel = Data.Participation.SignUpChannel.Phone,
                Status = i < 20 ? Data.Participation.SignUpStatus.Registered : i % 5 == 0 ? Data.Participation.SignUpStatus.Cancelled : Data.Participation.SignUpStatus.Waiting,
                AddedById = staff, CreatedAt = now.AddMinutes(i),
            });
            db.Tasks.Add(new ProjectTask { ProjectId = projectId, Title = $"任务 {i}", ResponsibleId = staff, DueOn = DateOnly.FromDateTime(now).AddDays(i % 60 - 30), CreatedById = staff, CreatedAt = now });
            db.ProgressReports.Add(new ProgressReport { ProjectId = projectId, Text = $"进展 {i}", CreatedById = staff, CreatedAt = now.AddMinutes(-i) });
            var response = new Data.Surveys.SurveyResponse
            {
                SurveyId = survey, RespondentName = $"受访者 {i}", CommunityId = communityIds[i % communityIds.Count], Channel = Data.Surveys.ResponseChannel.Paper,
                EnteredById = staff, SubmittedAt = now.AddMinutes(-i), UpdatedAt = now,
            };
            if (question is { } q)
            {
                response.Answers.Add(new Data.Surveys.SurveyAnswer { QuestionId = q, Text = $"回答 {i}" });
            }
            db.SurveyResponses.Add(response);
            db.Users.Add(new Data.Identity.ApplicationUser
            {
                UserName = $"bulk{i}", NormalizedUserName = $"BULK{i}", DisplayName = $"居民{i}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now, CommunityId = community.Id,
            });
            db.HomeVisitRequests.Add(new Data.Participation.HomeVisitRequest
            {
                ProjectId = projectId, Name = $"居民 {i}", Phone = "13800138000", Address = "和平社区", ProtectedNeed = needs.Protect("上门"), CreatedById = staff, CreatedAt = now.AddMinutes(-i), UpdatedAt = now,
            });
            db.CaseFiles.Add(new Data.Cases.CaseFile
            {
                ProjectId = projectId, Reference = $"批量 {i}", OpenedAt = now.AddMinutes(-i), ProtectedAssessment = protector.Protect($"评估 {i}"),
                Workers = [new Data.Cases.CaseAssignment { UserId = staff, AssignedAt = now }],
            });
            db.Expenses.Add(new Data.Money.Expense
            {
                ProjectId = projectId, BudgetItem = i % 3 == 0 ? "物资与耗材" : $"计划外 {i % 7}", Source = Data.Plans.FundingSource.StateFunding, Amount = 1.5m,
                SpentOn = DateOnly.FromDateTime(now).AddDays(-(i % 30)), ReceiptNumber = $"NO.{i}", RecordedById = staff, CreatedAt = now,
            });
            db.FeeIncome.Add(new Data.Money.FeeIncome { ProjectId = projectId, Amount = 8m, ReceivedOn = DateOnly.FromDateTime(now), Payer = $"居民 {i}", RecordedById = staff, CreatedAt = now });
            db.CaseNotes.Add(new Data.Cases.CaseNote { CaseFileId = caseFile, AuthorId = staff, At = now.AddMinutes(-i), ProtectedText = protector.Protect($"记录 {i}") });
            db.AuditEntries.Add(new Data.Auditing.AuditEntry
            {
                At = now.AddMinutes(-i), ActorId = staff, ActorName = "李社工", Action = "CaseOpened", RecordType = "CaseFile", RecordId = "1", Result = "Succeeded",
            });
            db.PrivacyRequests.Add(new Data.Privacy.PrivacyRequest
            {
                ResidentId = i % 2 == 0 ? resident : volunteer, CommunityId = community.Id, Kind = (Data.Privacy.PrivacyRequestKind)(i % 2), Details = $"错误 {i}",
                CreatedAt = now.AddMinutes(-i),
            });
            // Volunteer shifts: past ones confirmed, coming ones taken, each on a session still needing volunteers.
            var past = i % 2 == 0;
            var session = new Data.Participation.ServiceSession(10)
            {
                ProjectId = projectId, Title = $"场次 {i}", StartsAt = now.AddDays(past ? -1 - i : 1 + i), EndsAt = now.AddDays(past ? -1 - i : 1 + i).AddHours(1),
                VolunteersNeeded = 3, CreatedAt = now,
            };
            db.SignUps.Add(new Data.Participation.SignUp
            {
                Session = session, ProjectId = projectId, ResidentId = resident, Name = "张阿姨", Phone = "13800138000", Status = Data.Participation.SignUpStatus.Registered,
                CreatedAt = now, CheckedInAt = past ? now : null,
            });
            db.Shifts.Add(new Data.Volunteers.Shift
            {
                Session = session, UserId = volunteer, IsVolunteer = true, TakenAt = now, Status = past ? Data.Volunteers.ShiftStatus.Confirmed : Data.Volunteers.ShiftStatus.Taken,
                LoggedMinutes = past ? 60 : null, ConfirmedMinutes = past ? 60 : null, ConfirmedById = past ? staff : null,
            });
        }
        await db.SaveChangesAsync();
        // The resident rates the services they received.
        foreach (var record in records.Where(r => r.ResidentId == resident))
        {
            db.Feedback.Add(new ServiceFeedback { ProjectId = projectId, ServiceRecordId = record.Id, ResidentId = resident, Rating = 1 + (record.Id % 5), Comment = "好", CreatedAt = now });
        }
        await db.SaveChangesAsync();
    });
}
