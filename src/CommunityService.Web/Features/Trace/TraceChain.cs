namespace CommunityService.Web.Features.Trace;

/// <summary>One link of the chain in the breadcrumb: its label (a string key), where on the page it is, and whether it exists yet.</summary>
public sealed record ChainStep(string Label, string Anchor, bool Reached);

/// <summary>
/// The chain of a trace page as a breadcrumb. From a need: need → project → plan → delivered → verdict. From an evaluation:
/// verdict → plan → decision → need → evidence. A link the records do not reach yet is shown as missing, not left out.
/// </summary>
public static class TraceChain
{
    public const string Need = "Need";
    public const string Project = "Project";
    public const string Plan = "Plan in force";
    public const string Delivered = "Delivered";
    public const string Verdict = "Verdict";
    public const string WrittenAgainst = "Plan version";
    public const string Decision = "Decision";
    public const string Evidence = "Survey evidence";

    public static IReadOnlyList<ChainStep> FromNeed(TraceProject project) =>
    [
        new(Need, "#need", true),
        new(Project, $"#project-{project.Id}", true),
        new(Plan, $"#plan-{project.Id}", project.Plan is not null),
        new(Delivered, $"#delivered-{project.Id}", project.Figures.ServicesDelivered > 0 || project.Figures.SessionsHeld > 0),
        new(Verdict, $"#verdicts-{project.Id}", project.Verdicts.Any(v => v.IsFrozen)),
    ];

    public static IReadOnlyList<ChainStep> FromEvaluation(EvaluationTracePage page) =>
    [
        new(Verdict, "#verdict", page.Report.IsFrozen),
        new(WrittenAgainst, "#plan", page.WrittenAgainst is not null),
        new(Decision, "#decision", page.Decision is not null),
        new(Need, "#needs", page.Needs.Count > 0),
        new(Evidence, "#needs", page.Evidence.Items.Count > 0 || page.Evidence.Surveys.Count > 0),
    ];
}

/// <summary>How the plan version a report was written against stands to the plan in force now.</summary>
public enum PlanStanding
{
    /// <summary>The report was written against the version still in force.</summary>
    InForce,

    /// <summary>A later version has been approved since: the report judged the objectives of an older one.</summary>
    Superseded,

    /// <summary>The report's figures are not frozen against a plan yet (a draft never submitted).</summary>
    NotFrozen,

    /// <summary>The project has no approved plan at all.</summary>
    NoPlan,
}

public static class PlanStandings
{
    public static PlanStanding Of(int? writtenAgainstVersion, int? inForceVersion) => (writtenAgainstVersion, inForceVersion) switch
    {
        (null, null) => PlanStanding.NoPlan,
        (null, _) => PlanStanding.NotFrozen,
        ({ } written, { } now) when now > written => PlanStanding.Superseded,
        _ => PlanStanding.InForce,
    };
}

/// <summary>Which plan version a report was written against.</summary>
public static class WrittenAgainst
{
    /// <summary>
    /// The version frozen into the report at submission. A report that did not record one (submitted before the plan had been
    /// saved, as the demo's walk does) was written against the version approved last before it was submitted: that one is shown,
    /// marked as inferred. A report never submitted has none.
    /// </summary>
    public static (int? PlanId, bool Inferred) Of(int? frozenPlanId, int? approvedAtSubmissionId) => (frozenPlanId, approvedAtSubmissionId) switch
    {
        ({ } frozen, _) => (frozen, false),
        (null, { } approved) => (approved, true),
        _ => (null, false),
    };
}

public static class TraceText
{
    /// <summary>The start of a text on one line: whitespace runs become one space, cut at a whole character with an ellipsis.</summary>
    public static string Excerpt(string? text, int max)
    {
        var line = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= max)
        {
            return line;
        }
        var cut = max - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }
        return line[..cut].TrimEnd() + "…";
    }
}
