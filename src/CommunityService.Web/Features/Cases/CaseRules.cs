using CommunityService.Data.Cases;
using CommunityService.Data.Projects;

namespace CommunityService.Web.Features.Cases;

/// <summary>A case file as a person reads it: the decrypted text with the plain facts.</summary>
public sealed record CaseSnapshot(string Reference, CaseText Text, bool IsFamily, CaseStatus Status);

/// <summary>
/// The rules of a case file. They sit here rather than on <see cref="CaseFile"/> because the entity holds only
/// ciphertext: the rules that read text need it decrypted, which only the web app can do.
/// </summary>
public static class CaseRules
{
    public const string AlreadyClosed = "This case file is already closed.";
    public const string ClosedTakesNoNotes = "This case file is closed: reopen it to add contact notes.";
    public const string CloseWithSummary = "A case file is closed with a closing summary: use Close the case file.";
    public const string KeepsOneWorker = "A case file keeps at least one assigned worker.";
    public const string AlreadyAssigned = "This worker is already assigned to the case file.";
    public const string NotAssigned = "This worker is not assigned to the case file.";
    public const string ProjectFinished = "This project has ended: it takes no new case files.";

    /// <summary>Which fields differ, in a fixed order; text is compared as saved (trimmed).</summary>
    public static IReadOnlyList<CaseField> Changes(CaseSnapshot before, CaseSnapshot after)
    {
        var changed = new List<CaseField>();
        void Compare(CaseField field, string a, string b)
        {
            if (!string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal))
            {
                changed.Add(field);
            }
        }
        Compare(CaseField.Reference, before.Reference, after.Reference);
        Compare(CaseField.Subject, before.Text.Subject, after.Text.Subject);
        if (before.IsFamily != after.IsFamily)
        {
            changed.Add(CaseField.IsFamily);
        }
        Compare(CaseField.Assessment, before.Text.Assessment, after.Text.Assessment);
        Compare(CaseField.Goals, before.Text.Goals, after.Text.Goals);
        Compare(CaseField.Plan, before.Text.Plan, after.Text.Plan);
        if (before.Status != after.Status)
        {
            changed.Add(CaseField.Status);
        }
        return changed;
    }

    /// <summary>An edit may reopen a closed file; closing needs the summary, so it has its own step.</summary>
    public static GateCheck CheckStatusChange(CaseStatus from, CaseStatus to) =>
        from == CaseStatus.Open && to == CaseStatus.Closed ? GateCheck.Fail(CloseWithSummary) : GateCheck.Passed;

    public static GateCheck Close(CaseFile file, DateTime now)
    {
        if (file.Status == CaseStatus.Closed)
        {
            return GateCheck.Fail(AlreadyClosed);
        }
        file.Status = CaseStatus.Closed;
        file.ClosedAt = now;
        return GateCheck.Passed;
    }

    public static void Reopen(CaseFile file)
    {
        file.Status = CaseStatus.Open;
        file.ClosedAt = null;
    }

    public static GateCheck CheckNote(CaseStatus status) =>
        status == CaseStatus.Closed ? GateCheck.Fail(ClosedTakesNoNotes) : GateCheck.Passed;

    public static GateCheck CheckAssign(IReadOnlyCollection<string> workers, string userId) =>
        workers.Contains(userId) ? GateCheck.Fail(AlreadyAssigned) : GateCheck.Passed;

    public static GateCheck CheckRemove(IReadOnlyCollection<string> workers, string userId) =>
        !workers.Contains(userId) ? GateCheck.Fail(NotAssigned)
        : workers.Count == 1 ? GateCheck.Fail(KeepsOneWorker)
        : GateCheck.Passed;

    public static GateCheck CheckNewFile(ProjectStage stage) =>
        stage.IsFinished() ? GateCheck.Fail(ProjectFinished) : GateCheck.Passed;
}
