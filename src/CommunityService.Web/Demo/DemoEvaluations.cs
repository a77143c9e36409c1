using CommunityService.Data;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using CommunityService.Web.Features.Evaluations;
using Microsoft.EntityFrameworkCore;
using static CommunityService.Web.Demo.DemoSeeder;

namespace CommunityService.Web.Demo;

/// <summary>
/// 评估和总结 in the demo: the final reports of the projects the walk takes to Evaluation and Closed (filled in here), a process
/// evaluation of 社区夜间巡逻志愿队 returned with comments per section, a draft process evaluation of 长者日间照料, and a follow-up
/// of 老年大学书法班 after it closed. 老年人助餐服务's final report (evaluation 1) is submitted here, after its satisfaction
/// questionnaire, so the report freezes the questionnaire's figures; 长者日间照料's has an open questionnaire behind its live
/// figures. All through the report's rules, at fixed offsets from the seeding time.
/// </summary>
internal static class DemoEvaluations
{
    public const string MealsProject = "老年人助餐服务";

    /// <summary>The walk's figures for a project it has just walked: its records so far, no ratings, no spending yet.</summary>
    public static EvaluationFacts WalkFacts(ServiceProject project, ServicePlan plan)
    {
        var figures = new ProjectFigures(project.Records.Count, project.Records.Select(r => r.RecipientName).Distinct().Count(), 0,
            project.Records.Sum(r => r.DurationMinutes), 0, 0, 0, 0, null);
        var budget = BudgetBalance.Of(plan.BudgetLines, [], 0m);
        return new EvaluationFacts(plan, project.TargetGroups.Select(g => g.Group).ToList(), figures, new BudgetFacts(budget.Lines, 0m));
    }

    /// <summary>A final report as a social worker would write it, ready to submit.</summary>
    public static void Fill(EvaluationReport report, string projectName)
    {
        (report.ByInterview, report.ByQuestionnaire) = (true, true);
        Score(report, (4, "服务内容贴合老人需求，项目按计划完成。"), (4, "小组活动与个别跟进结合，效果较好。"),
            (5, "社工和志愿者认真负责，居民评价高。"), (3, "部分场次时间与居民作息冲突，场地略显拥挤。"));
        foreach (var o in report.Objectives)
        {
            o.Comment = o.MeasuredBy == MeasuredBy.SatisfactionSurvey ? "满意度以参与居民的评价为准。" : $"{projectName}按计划完成服务。";
        }
        report.Summary = "服务按计划完成，参与居民满意度较高。";
        report.Improvements = "增加周末场次；提前一周发布通知。";
    }

    private static void Score(EvaluationReport report, params (int Score, string Narrative)[] scores)
    {
        foreach (var (d, i) in report.Dimensions.OrderBy(d => d.Dimension).Select((d, i) => (d, i)))
        {
            (d.Score, d.Narrative) = scores[i];
        }
    }

    public static async Task AddAsync(CommunityServiceDbContext db, DateTime now, CancellationToken ct)
    {
        var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
        var managerId = await db.Users.Where(u => u.UserName == "manager").Select(u => u.Id).SingleAsync(ct);
        var today = DateOnly.FromDateTime(now);

        async Task<EvaluationReport> StartAsync(string project, EvaluationTiming timing, DateTime at)
        {
            var projectId = await db.Projects.Where(p => p.Name == project).Select(p => p.Id).SingleAsync(ct);
            var stage = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync(ct);
            Ensure(EvaluationReport.CanStart(timing, stage, finalInProgress: false));
            var facts = await db.EvaluationFactsAsync(projectId, at, today, ct);
            var report = EvaluationReport.Start(projectId, timing, facts.Plan, facts.Groups, staffId, at);
            db.Evaluations.Add(report);
            return report;
        }

        async Task<EvaluationFacts> FactsAsync(EvaluationReport report) => await db.EvaluationFactsAsync(report.ProjectId, now, today, ct);

        var random = new Random(DemoSatisfaction.Seed);
        await CloseMealsAsync(db, random, staffId, managerId, ct);
        await AskDayCareAsync(db, random, staffId, now, ct);

        // 社区夜间巡逻志愿队: a process evaluation the manager sent back, asking for the objectives' figures to be explained.
        var patrol = await StartAsync("社区夜间巡逻志愿队", EvaluationTiming.During, now.AddDays(-12));
        (patrol.ByInterview, patrol.ByOtherMeans, patrol.OtherMeans) = (true, true, "随队观察巡逻");
        Score(patrol, (4, "巡逻覆盖各小区主要出入口和楼道。"), (3, "以定点巡逻为主，流动巡查不足。"),
            (4, "志愿者骨干稳定，新队员培训不够。"), (3, "19:30–21:30 的时段与居民下班高峰重合，效果好。"));
        patrol.Summary = "巡逻队运行三个月，居民夜间安全感有所提升。";
        patrol.Improvements = "增加流动巡查；为新队员安排一次培训。";
        Ensure(patrol.Submit(await FactsAsync(patrol), now.AddDays(-10)));
        Ensure(patrol.ReturnForRevision(managerId, new Dictionary<EvaluationSection, string>
        {
            [EvaluationSection.Objectives] = "巡逻次数低于进度要求，请说明原因和补救办法。",
            [EvaluationSection.Methods] = "流动巡查不足的原因是什么？请补充。",
        }, "请补充后重新提交。", now.AddDays(-8)));
        await db.SaveChangesAsync(ct);

        // 长者日间照料: a process evaluation in draft, two dimensions scored so far.
        var dayCare = await StartAsync(DemoDayCare.Name, EvaluationTiming.During, now.AddDays(-3));
        dayCare.ByQuestionnaire = true;
        dayCare.Dimensions[0].Score = 4;
        dayCare.Dimensions[0].Narrative = "健康操、手工、合唱受欢迎，午餐口碑好。";
        dayCare.Dimensions[1].Score = 3;
        dayCare.Summary = "（草稿）运行四个月，日均到场约 20 人。";
        await db.SaveChangesAsync(ct);

        // 老年大学书法班: a follow-up half a year after closing, approved.
        var calligraphy = await StartAsync("老年大学书法班", EvaluationTiming.FollowUp, now.AddDays(-20));
        (calligraphy.ByInterview, calligraphy.ByOtherMeans, calligraphy.OtherMeans) = (true, true, "学员作品展");
        Score(calligraphy, (5, "结业学员大多仍坚持练字，并自发组成书法小组。"), (4, "以老带新的方式延续了课堂。"),
            (4, "志愿教师仍每月指导一次。"), (4, "老年活动室继续向书法小组开放。"));
        foreach (var o in calligraphy.Objectives)
        {
            o.Comment = "跟踪时沿用结项数据。";
        }
        calligraphy.Summary = "结项半年后回访：学员的兴趣和社交得以延续，书法小组每周活动一次。";
        calligraphy.Improvements = "为书法小组争取固定展示墙；下一期招收初学者。";
        Ensure(calligraphy.Submit(await FactsAsync(calligraphy), now.AddDays(-18)));
        Ensure(calligraphy.Approve(managerId, "跟踪评估情况属实，同意。", now.AddDays(-16)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 老年人助餐服务: a month before its final report, a satisfaction questionnaire answered by 48 diners on paper or in interviews
    /// and closed; then the report is submitted (freezing the figures), approved, and the project closed, as the walk dated them.
    /// </summary>
    private static async Task CloseMealsAsync(CommunityServiceDbContext db, Random random, string staffId, string managerId, CancellationToken ct)
    {
        var project = await db.Projects.Include(p => p.Evaluations).SingleAsync(p => p.Name == MealsProject, ct);
        var report = await db.Evaluations.AsSplitQuery().Include(e => e.Dimensions).Include(e => e.Objectives).Include(e => e.BudgetLines)
            .Include(e => e.Participation).Include(e => e.Satisfaction).Include(e => e.SatisfactionTallies).SingleAsync(e => e.ProjectId == project.Id && e.Timing == EvaluationTiming.Final, ct);
        var submitted = report.CreatedAt;
        var survey = await DemoSatisfaction.StartAsync(db, project, "您对饭菜的口味和分量满意吗？", staffId, submitted.AddDays(-30), ct);
        string[] diners = ["王大爷", "刘奶奶", "赵阿姨", "孙师傅", "周大妈", "吴爷爷", "郑奶奶", "冯大爷", "陈阿姨", "褚爷爷", "卫奶奶", "蒋大爷"];
        // 44 of 48 satisfied overall (91.7%): the plan's 90% is reached.
        var overall = DemoSatisfaction.OverallScores(random, fives: 27, fours: 17, threes: 3, twos: 1);
        for (var i = 0; i < 48; i++)
        {
            var response = DemoSatisfaction.Answer(random, survey, project.CommunityId, submitted.AddDays(-28 + random.Next(24)), overall.Dequeue());
            response.Channel = random.NextDouble() < 0.75 ? ResponseChannel.Paper : ResponseChannel.Interview;
            response.EnteredById = staffId;
            response.RespondentName = i < diners.Length ? diners[i] : "";
            db.SurveyResponses.Add(response);
        }
        Ensure(survey.Close());
        await db.SaveChangesAsync(ct);

        Ensure(report.Submit(await db.EvaluationFactsAsync(project.Id, submitted, DateOnly.FromDateTime(submitted), ct), submitted));
        Ensure(report.Approve(managerId, "目标达成，同意结项。", submitted.AddDays(3)));
        Ensure(project.AdvanceTo(ProjectStage.Closed, managerId, "结项评估已通过。", submitted.AddDays(3)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 长者日间照料: an open questionnaire since ten days ago. elder01–elder14 answered online (each checked in at sessions), ten
    /// regulars without an account on paper; elder15–elder20 find it on their page still to answer.
    /// </summary>
    private static async Task AskDayCareAsync(CommunityServiceDbContext db, Random random, string staffId, DateTime now, CancellationToken ct)
    {
        var project = await db.Projects.SingleAsync(p => p.Name == DemoDayCare.Name, ct);
        var survey = await DemoSatisfaction.StartAsync(db, project, "您对午餐满意吗？", staffId, now.AddDays(-10), ct);
        // 20 of 24 satisfied overall so far (83.3%), short of the plan's 90%.
        var overall = DemoSatisfaction.OverallScores(random, fives: 11, fours: 9, threes: 3, twos: 1);
        var elders = await db.Users.Where(u => u.UserName!.StartsWith("elder")).OrderBy(u => u.UserName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        foreach (var elder in elders.Take(14))
        {
            var response = DemoSatisfaction.Answer(random, survey, project.CommunityId, now.AddDays(-9 + random.Next(8)).AddHours(random.Next(8)), overall.Dequeue());
            (response.RespondentId, response.Channel) = (elder.Id, ResponseChannel.Online);
            db.SurveyResponses.Add(response);
        }
        for (var i = 0; i < 10; i++)
        {
            var response = DemoSatisfaction.Answer(random, survey, project.CommunityId, now.AddDays(-8 + random.Next(7)), overall.Dequeue());
            (response.Channel, response.EnteredById) = (ResponseChannel.Paper, staffId);
            db.SurveyResponses.Add(response);
        }
        await db.SaveChangesAsync(ct);
    }
}
