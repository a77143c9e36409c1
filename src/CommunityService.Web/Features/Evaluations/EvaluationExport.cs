using CommunityService.Data.Evaluations;

namespace CommunityService.Web.Features.Evaluations;

/// <summary>
/// The Excel export of an evaluation report, sheet by sheet, beside the page's query (<see cref="EvaluationPage"/>): a
/// header sheet as the page's, then dimensions, objectives, budget lines with a total, the funding sources, participation
/// and the frozen satisfaction figures. Every sheet name and column is looked up in the reader's language.
/// </summary>
public static class EvaluationExport
{
    /// <summary>The sheets for MiniExcel; <paramref name="Q"/> translates a key, <paramref name="local"/> turns a UTC time into the portal's.</summary>
    public static Dictionary<string, object> Sheets(EvaluationPage page, Func<string, string> Q, Func<DateTime?, DateTime?> local)
    {
        var r = page.Report;
        string Verdict(bool? achieved) => achieved switch { true => Q("Achieved"), false => Q("Not achieved"), _ => Q("No figure") };
        string? Date(DateTime? utc) => local(utc)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var means = new[] { r.ByInterview ? Q("Interview") : null, r.ByQuestionnaire ? Q("Questionnaire") : null, r.ByOtherMeans ? $"{Q("Other means")}：{r.OtherMeans}" : null };
        // The first sheet says what the report is, as the page's header does.
        (string Field, object? Value)[] header =
        [
            (Q("Project"), page.Project.Name), (Q("Community"), page.Project.Community), (Q("Timing"), Q($"EvaluationTiming.{r.Timing}")),
            (Q("Status"), Q($"ReportStatus.{r.Status}")), (Q("Means"), string.Join("、", means.Where(m => m is not null))),
            (Q("Submitted"), Date(r.SubmittedAt)), (Q("Approved on"), r.Status == ReportStatus.Approved ? Date(r.ReviewedAt) : null),
            (Q("People served"), r.PeopleServed), (Q("Fee income"), r.FeeIncome ?? 0m),
        ];
        var budgetLines = page.Budget.Lines.Select(b => new Dictionary<string, object>
        {
            [Q("Budget item")] = b.Item, [Q("Funding source")] = Q($"FundingSource.{b.Source}"), [Q("Planned")] = b.Planned, [Q("Spent")] = b.Spent,
            [Q("Balance")] = b.Balance,
        }).ToList();
        budgetLines.Add(new()
        {
            [Q("Budget item")] = Q("Total"), [Q("Funding source")] = "", [Q("Planned")] = page.Budget.Planned, [Q("Spent")] = page.Budget.Spent,
            [Q("Balance")] = page.Budget.Balance,
        });
        return new Dictionary<string, object>
        {
            [Q("Report")] = header.Select(h => new Dictionary<string, object?> { [Q("Field")] = h.Field, [Q("Value")] = h.Value }).ToList(),
            [Q("Dimensions")] = r.Dimensions.Select(d => new Dictionary<string, object?>
            {
                [Q("Dimension")] = Q($"EvaluationSection.{d.Dimension}"), [Q("Score")] = d.Score, [Q("Narrative")] = d.Narrative,
            }).ToList(),
            [Q("Objectives")] = r.Objectives.Select(o => new Dictionary<string, object?>
            {
                [Q("Indicator")] = o.Indicator, [Q("Measured by")] = Q($"MeasuredBy.{o.MeasuredBy}"), [Q("Target")] = o.Target, [Q("Actual")] = o.Actual,
                [Q("Unit")] = o.Unit, [Q("Verdict")] = Verdict(o.Achieved), [Q("Comment")] = o.Comment,
            }).ToList(),
            [Q("Budget lines")] = budgetLines,
            [Q("By funding source")] = page.Budget.Sources.Select(s => new Dictionary<string, object>
            {
                [Q("Funding source")] = Q($"FundingSource.{s.Source}"), [Q("Planned")] = s.Planned, [Q("Spent")] = s.Spent, [Q("Balance")] = s.Balance,
            }).ToList(),
            [Q("Participation")] = r.Participation.Select(p => new Dictionary<string, object?>
            {
                [Q("Target group")] = Q($"TargetGroup.{p.Group}"), [Q("Expected to reach")] = p.Expected, [Q("People reached")] = p.Served,
            }).ToList(),
            [Q("Satisfaction")] = SatisfactionSheet(r, Q),
            [Q("Choice and written questions")] = r.SatisfactionTallies.OrderBy(t => t.Order).ThenBy(t => t.OptionOrder).Select(t => new Dictionary<string, object?>
            {
                [Q("Question")] = t.Question, [Q("Answered")] = t.Answered,
                [Q("Answer")] = t.IsText ? Q("Written answers") : t.IsOther ? Q("Other") : t.Option, [Q("Count")] = t.Count, [Q("Share, %")] = t.Percent,
            }).ToList(),
        };
    }

    /// <summary>Each rating question of the satisfaction questionnaire, then the number of questionnaires returned.</summary>
    private static List<Dictionary<string, object?>> SatisfactionSheet(EvaluationReport r, Func<string, string> q)
    {
        var rows = r.Satisfaction.OrderBy(s => s.Order).Select(s => new Dictionary<string, object?>
        {
            [q("Question")] = s.Text, [q("Answered")] = s.Responses, [q("Average score (1–5)")] = s.Average, [q("Satisfied (4–5), %")] = s.SatisfiedPercent,
        }).ToList();
        rows.Add(new()
        {
            [q("Question")] = q("Questionnaires returned"), [q("Answered")] = r.SatisfactionResponses ?? 0, [q("Average score (1–5)")] = null, [q("Satisfied (4–5), %")] = null,
        });
        return rows;
    }

}
