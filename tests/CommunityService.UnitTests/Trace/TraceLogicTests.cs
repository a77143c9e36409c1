using System.Xml.Linq;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using CommunityService.Web.Features.Trace;

namespace CommunityService.UnitTests.Trace;

public class TraceLogicTests
{
    private static TracePlan Plan(int version) => new(version, 1, version, PlanStatus.Approved, new(2026, 1, 1), new(2026, 6, 30), "王主任", null, []);

    private static TraceVerdict Verdict(ReportStatus status) =>
        new(1, 1, EvaluationTiming.Final, status, DateTime.UtcNow, null, null, null, null, "", [], []);

    private static TraceProject Project(TracePlan? plan = null, ProjectFigures? figures = null, params TraceVerdict[] verdicts) =>
        new(7, "助餐", ProjectStage.Execution, Data.Catalog.ServiceCategory.Welfare, "社区养老", "阳光社区", null, plan, plan?.VersionNumber,
            figures ?? ProjectFigures.None, [], verdicts);

    private static TraceNeed Need(int id, int? surveyId) =>
        new(id, "需求", 1, "阳光社区", null, null, NeedPriority.High, NeedStatus.Open, 10, "", surveyId, []);

    private static TraceSurvey Survey(int id) => new(id, $"调查 {id}", true, false, false, SurveyStatus.Closed, new(2026, 1, 1), new(2026, 2, 1), 0);

    [Theory]
    [InlineData(null, null, PlanStanding.NoPlan)]
    [InlineData(null, 2, PlanStanding.NotFrozen)]
    [InlineData(1, 2, PlanStanding.Superseded)]
    [InlineData(2, 2, PlanStanding.InForce)]
    [InlineData(2, null, PlanStanding.InForce)]
    public void A_report_stands_to_the_plan_in_force_by_their_version_numbers(int? written, int? inForce, PlanStanding expected) =>
        Assert.Equal(expected, PlanStandings.Of(written, inForce));

    [Fact]
    public void The_plan_version_frozen_into_a_report_wins_over_the_one_approved_before_its_submission()
    {
        Assert.Equal((5, false), WrittenAgainst.Of(5, 4));
        Assert.Equal((4, true), WrittenAgainst.Of(null, 4));
        Assert.Equal(((int?)null, false), WrittenAgainst.Of(null, null));
    }

    [Fact]
    public void A_project_without_a_plan_stops_the_chain_at_the_project()
    {
        var steps = Project().Chain;

        Assert.Equal([TraceChain.Need, TraceChain.Project, TraceChain.Plan, TraceChain.Delivered, TraceChain.Verdict], steps.Select(s => s.Label));
        Assert.Equal([true, true, false, false, false], steps.Select(s => s.Reached));
        Assert.Equal(["#need", "#project-7", "#plan-7", "#delivered-7", "#verdicts-7"], steps.Select(s => s.Anchor));
    }

    [Fact]
    public void Only_a_submitted_or_approved_evaluation_counts_as_a_verdict()
    {
        var delivered = new ProjectFigures(3, 2, 0, 90, 0, 0, 0, 0, null);

        var drafted = Project(Plan(1), delivered, Verdict(ReportStatus.Draft), Verdict(ReportStatus.Returned)).Chain;
        var judged = Project(Plan(1), delivered, Verdict(ReportStatus.Draft), Verdict(ReportStatus.Submitted)).Chain;

        Assert.Equal([true, true, true, true, false], drafted.Select(s => s.Reached));
        Assert.Equal([true, true, true, true, true], judged.Select(s => s.Reached));
    }

    [Fact]
    public void Sessions_held_without_records_count_as_delivered()
    {
        var steps = Project(Plan(1), new ProjectFigures(0, 0, 2, 0, 0, 0, 0, 0, null)).Chain;

        Assert.True(steps.Single(s => s.Label == TraceChain.Delivered).Reached);
    }

    [Fact]
    public void The_surveys_of_a_need_are_the_one_it_was_found_in_then_those_of_its_evidence_each_once()
    {
        var set = new TraceEvidenceSet(
            new Dictionary<int, TraceSurvey> { [1] = Survey(1), [2] = Survey(2), [3] = Survey(3) },
            [
                new TraceEvidence(10, 5, 3, "甲", null, null), new TraceEvidence(11, 5, 2, "乙", null, null), new TraceEvidence(12, 5, 3, "丙", null, null),
                new TraceEvidence(13, 6, 1, "别的需求", null, null),
            ]);

        Assert.Equal([2, 3], set.SurveysOf(Need(5, 2)).Select(s => s.Id));
        Assert.Equal([3, 2], set.SurveysOf(Need(5, null)).Select(s => s.Id));
        Assert.Equal(["甲", "乙", "丙"], set.Of(5).Select(e => e.Figure));
        Assert.Empty(set.SurveysOf(Need(7, 9)));
    }

    [Theory]
    [InlineData("服务按计划完成。", 20, "服务按计划完成。")]
    [InlineData("服务按计划完成，\n\n参与居民   满意度较高。", 100, "服务按计划完成， 参与居民 满意度较高。")]
    [InlineData("一二三四五六七八九十", 5, "一二三四…")]
    [InlineData("  ", 5, "")]
    [InlineData(null, 5, "")]
    public void An_excerpt_is_one_line_cut_with_an_ellipsis(string? text, int max, string expected) =>
        Assert.Equal(expected, TraceText.Excerpt(text, max));

    [Fact]
    public void An_excerpt_does_not_cut_a_character_outside_the_basic_plane_in_half()
    {
        var excerpt = TraceText.Excerpt("一二三𠀀五六", 5);

        Assert.Equal("一二三…", excerpt);
        Assert.Equal(4, excerpt.Length);
    }

    [Fact]
    public void A_verdict_counts_the_objectives_it_found_achieved()
    {
        var verdict = Verdict(ReportStatus.Approved) with
        {
            Objectives =
            [
                new EvaluationObjective { Achieved = true }, new EvaluationObjective { Achieved = false }, new EvaluationObjective { Achieved = null },
                new EvaluationObjective { Achieved = true },
            ],
        };

        Assert.Equal(2, verdict.AchievedCount);
        Assert.True(verdict.IsFrozen);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Every_link_of_the_chain_has_a_label_in_the_string_table(string culture)
    {
        var keys = XDocument.Load(RepositoryFiles.Path("src", "CommunityService.Web", "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        string[] labels = [TraceChain.Need, TraceChain.Project, TraceChain.Plan, TraceChain.Delivered, TraceChain.Verdict, TraceChain.WrittenAgainst,
            TraceChain.Decision, TraceChain.Evidence];

        var missing = labels.Where(l => !keys.Contains(l)).ToList();

        Assert.True(missing.Count == 0, $"{culture} lacks: " + string.Join(" | ", missing));
    }
}
