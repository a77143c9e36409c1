using CommunityService.Data.Cases;
using CommunityService.Data.Projects;
using CommunityService.Web.Features.Cases;

namespace CommunityService.UnitTests.Cases;

public class CaseRulesTests
{
    private static readonly CaseText Text = new("孙建华", "腰椎术后，行走困难。", "独立上下楼。", "每两周上门一次。", "");

    private static CaseSnapshot Snapshot(CaseText? text = null, bool family = false, CaseStatus status = CaseStatus.Open, string reference = "2025-07") =>
        new(reference, text ?? Text, family, status);

    [Fact]
    public void An_edit_names_the_fields_it_changed_and_nothing_of_their_content()
    {
        var changed = CaseRules.Changes(Snapshot(), Snapshot(Text with { Assessment = "行走已好转。", Plan = "每月上门一次。" }, family: true));

        Assert.Equal([CaseField.IsFamily, CaseField.Assessment, CaseField.Plan], changed);
    }

    [Fact]
    public void Whitespace_around_the_text_is_no_change()
    {
        Assert.Empty(CaseRules.Changes(Snapshot(), Snapshot(Text with { Goals = "  独立上下楼。\n" }, reference: " 2025-07 ")));
    }

    [Fact]
    public void Reopening_is_a_status_change_and_an_edit_may_do_it()
    {
        Assert.Equal([CaseField.Status], CaseRules.Changes(Snapshot(status: CaseStatus.Closed), Snapshot(status: CaseStatus.Open)));
        Assert.True(CaseRules.CheckStatusChange(CaseStatus.Closed, CaseStatus.Open).IsPassed);
    }

    [Fact]
    public void An_edit_cannot_close_a_file_without_its_closing_summary()
    {
        Assert.Equal([CaseRules.CloseWithSummary], CaseRules.CheckStatusChange(CaseStatus.Open, CaseStatus.Closed).Missing);
    }

    [Fact]
    public void Closing_sets_the_date_once()
    {
        var file = new CaseFile();
        var at = new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

        Assert.True(CaseRules.Close(file, at).IsPassed);
        Assert.Equal((CaseStatus.Closed, at), (file.Status, file.ClosedAt));
        Assert.Equal([CaseRules.AlreadyClosed], CaseRules.Close(file, at.AddDays(1)).Missing);
        Assert.Equal(at, file.ClosedAt);

        CaseRules.Reopen(file);
        Assert.Equal((CaseStatus.Open, (DateTime?)null), (file.Status, file.ClosedAt));
    }

    [Fact]
    public void A_closed_file_takes_no_contact_notes()
    {
        Assert.True(CaseRules.CheckNote(CaseStatus.Open).IsPassed);
        Assert.Equal([CaseRules.ClosedTakesNoNotes], CaseRules.CheckNote(CaseStatus.Closed).Missing);
    }

    [Fact]
    public void A_file_keeps_at_least_one_worker_and_assigns_nobody_twice()
    {
        Assert.Equal([CaseRules.KeepsOneWorker], CaseRules.CheckRemove(["a"], "a").Missing);
        Assert.Equal([CaseRules.NotAssigned], CaseRules.CheckRemove(["a", "b"], "c").Missing);
        Assert.True(CaseRules.CheckRemove(["a", "b"], "b").IsPassed);
        Assert.Equal([CaseRules.AlreadyAssigned], CaseRules.CheckAssign(["a"], "a").Missing);
        Assert.True(CaseRules.CheckAssign(["a"], "b").IsPassed);
    }

    [Theory]
    [InlineData(ProjectStage.Publicity, true)]
    [InlineData(ProjectStage.Execution, true)]
    [InlineData(ProjectStage.Closed, false)]
    [InlineData(ProjectStage.Cancelled, false)]
    public void Only_a_running_project_takes_new_case_files(ProjectStage stage, bool allowed)
    {
        Assert.Equal(allowed, CaseRules.CheckNewFile(stage).IsPassed);
    }
}
