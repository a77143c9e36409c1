using CommunityService.Data.Decisions;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;

namespace CommunityService.UnitTests.Projects;

/// <summary>Builds a project and walks it through the real gates, so a test starts at any stage.</summary>
internal static class ProjectBuilder
{
    public const string Staff = "staff-1";
    public const string Manager = "manager-1";
    public static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    public static ServiceProject At(ProjectStage stage)
    {
        var p = new ServiceProject { Name = "老年人助餐服务" };
        if (stage == ProjectStage.Survey)
        {
            return p;
        }
        WithNeed(p);
        Pass(p.AdvanceTo(ProjectStage.Decision, Staff, "", Now));
        if (stage == ProjectStage.Decision)
        {
            return p;
        }
        Pass(p.Decide(DecisionOutcome.Approve, "同意", Manager, Now));
        if (stage == ProjectStage.Plan)
        {
            return p;
        }
        WithApprovedPlan(p);
        WithPublishedNotice(p);
        Pass(p.AdvanceTo(ProjectStage.Publicity, Staff, "", Now));
        if (stage == ProjectStage.Publicity)
        {
            return p;
        }
        Pass(p.AdvanceTo(ProjectStage.Execution, Staff, "", Now));
        if (stage == ProjectStage.Execution)
        {
            return p;
        }
        p.Records.Add(new ServiceRecord { RecipientName = "王大爷" });
        Pass(p.AdvanceTo(ProjectStage.Evaluation, Staff, "", Now));
        if (stage == ProjectStage.Evaluation)
        {
            return p;
        }
        WithApprovedFinalEvaluation(p);
        Pass(p.AdvanceTo(ProjectStage.Closed, Manager, "", Now));
        return p;
    }

    public static void WithNeed(ServiceProject p) => p.Needs.Add(new NeedFinding { Text = "午餐不规律" });

    public static ServicePlan CompletePlan() => new()
    {
        Purpose = "让老人吃上热饭",
        Place = "长者食堂",
        StartDate = new DateOnly(2026, 4, 1),
        EndDate = new DateOnly(2026, 9, 30),
        Objectives = [new PlanObjective { Indicator = "服务老年人", TargetValue = 200, Unit = "人" }],
        Capacity = 120,
    };

    public static void WithApprovedPlan(ServiceProject p)
    {
        var plan = CompletePlan();
        Pass(plan.Submit(Now));
        Pass(plan.Approve(Manager, "", Now));
        p.Plans.Add(plan);
    }

    public static void WithPublishedNotice(ServiceProject p)
    {
        var notice = new Notice { Title = "开始报名" };
        notice.Publish(Now);
        p.Notices.Add(notice);
    }

    public static void WithApprovedFinalEvaluation(ServiceProject p)
    {
        var report = Evaluations.Reports.Complete(EvaluationTiming.Final);
        Pass(report.Submit(Evaluations.Reports.Facts(), Now));
        Pass(report.Approve(Manager, "", Now));
        p.Evaluations.Add(report);
    }

    public static void Pass(GateCheck check) => Assert.True(check.IsPassed, string.Join("; ", check.Missing));
}
