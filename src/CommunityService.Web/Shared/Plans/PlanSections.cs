using System.Globalization;
using CommunityService.Data.Plans;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Plans;

public sealed record PlanSection(string Title, string Text);

public sealed record PlanDifference(string Title, string Before, string After);

/// <summary>
/// A plan as titled sections of text, in print order. Comparing two plans section by section gives "what
/// changed" between versions, and on a save clash, between the saved plan and what the second editor typed.
/// </summary>
public static class PlanSections
{
    public static List<PlanSection> Of(ServicePlan plan, IStringLocalizer l)
    {
        string Lines(IEnumerable<string> lines) => string.Join("\n", lines);
        var money = CultureInfo.InvariantCulture;
        var budget = plan.Budget;
        return
        [
            new(l["Purpose"], plan.Purpose),
            new(l["Tasks"], Lines(plan.Tasks.OrderBy(t => t.Order).Select(t => $"{t.Order}. {t.Text}"))),
            new(l["Objectives"], Lines(plan.Objectives.OrderBy(o => o.Id).Select(o =>
                $"{o.Indicator}: {o.TargetValue.ToString("0.##", money)} {o.Unit} ({l[$"MeasuredBy.{o.MeasuredBy}"]})"))),
            new(l["Beneficiaries"], Lines(plan.Beneficiaries.OrderBy(b => b.Group).Select(b => $"{l[$"TargetGroup.{b.Group}"]}: {b.ExpectedNumber}"))),
            new(l["Budget"], Lines(plan.BudgetLines.OrderBy(b => b.Id).Select(b => $"{b.Item}: ¥{b.Amount.ToString("0.00", money)} ({l[$"FundingSource.{b.Source}"]})")
                .Append($"{l["Total"]}: ¥{budget.Total.ToString("0.00", money)}"))),
            new(l["Venues"], Lines(plan.Venues.OrderBy(v => v.Id).Select(v => v.UnitName.Length > 0 ? $"{v.Name} ({v.UnitName})" : v.Name))),
            new(l["Materials"], plan.Materials),
            new(l["Staff and volunteers"], Lines(plan.StaffRoles.OrderBy(r => r.Id).Select(r => $"{r.Role} × {r.Count}{(r.IsVolunteer ? " " + l["(volunteer)"] : "")}"))),
            new(l["Time"], $"{plan.StartDate:yyyy-MM-dd} – {plan.EndDate:yyyy-MM-dd}; {plan.SessionPattern}"),
            new(l["Place"], plan.Place),
            new(l["Service methods"], string.Join(l["ListSeparator"].Value, new[] { (plan.UsesCaseWork, "Method.CaseWork"), (plan.UsesGroupWork, "Method.GroupWork"), (plan.UsesCommunityWork, "Method.CommunityWork") }
                .Where(m => m.Item1).Select(m => l[m.Item2].Value)) + (plan.MethodsDescription.Length > 0 ? "\n" + plan.MethodsDescription : "")),
            new(l["Fee"], $"{l[$"FeeTier.{plan.FeeTier}"]}{(plan.FeeAmount > 0 ? $" ¥{plan.FeeAmount.ToString("0.00", money)}" : "")}"
                + (plan.FeeJustification.Length > 0 ? $"\n{l["Why the fee differs"]}: {plan.FeeJustification}" : "")),
            new(l["Delivery mode"], l[$"DeliveryMode.{plan.DeliveryMode}"]),
            new(l["Capacity"], plan.Capacity.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    public static List<PlanDifference> Between(ServicePlan before, ServicePlan after, IStringLocalizer l) =>
        Of(before, l).Zip(Of(after, l))
            .Where(p => p.First.Text != p.Second.Text)
            .Select(p => new PlanDifference(p.First.Title, p.First.Text, p.Second.Text))
            .ToList();
}
