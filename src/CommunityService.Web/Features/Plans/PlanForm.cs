using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Plans;
using CommunityService.Web.Shared.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Plans;

/// <summary>服务计划书 as a form: every section of the plan, with blank rows for the lists (blank rows are ignored).</summary>
public sealed class PlanForm
{
    public const int TaskRows = 6;
    public const int ObjectiveRows = 3;
    public const int BudgetRows = 6;
    public const int VenueRows = 3;
    public const int StaffRows = 4;

    public int ProjectId { get; set; }
    public string ProjectName { get; set; } = "";
    public int VersionNumber { get; set; }
    public string Purpose { get; set; } = "";
    public List<string> Tasks { get; set; } = [];
    public List<ObjectiveInput> Objectives { get; set; } = [];
    public List<BeneficiaryInput> Beneficiaries { get; set; } = [];
    public List<BudgetInput> Budget { get; set; } = [];
    public List<VenueInput> Venues { get; set; } = [];
    public string Materials { get; set; } = "";
    public List<StaffInput> Staff { get; set; } = [];
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string SessionPattern { get; set; } = "";
    public string Place { get; set; } = "";
    public bool UsesCaseWork { get; set; }
    public bool UsesGroupWork { get; set; }
    public bool UsesCommunityWork { get; set; }
    public string MethodsDescription { get; set; } = "";
    public FeeTier FeeTier { get; set; }
    public decimal FeeAmount { get; set; }
    public string FeeJustification { get; set; } = "";
    public DeliveryMode DeliveryMode { get; set; }
    public int Capacity { get; set; }
    public int Version { get; set; }

    public sealed class ObjectiveInput
    {
        public string Indicator { get; set; } = "";
        public decimal? TargetValue { get; set; }
        public string Unit { get; set; } = "";
        public MeasuredBy MeasuredBy { get; set; }
    }

    public sealed class BeneficiaryInput
    {
        public TargetGroup Group { get; set; }
        public int? ExpectedNumber { get; set; }
    }

    public sealed class BudgetInput
    {
        public string Item { get; set; } = "";
        public decimal? Amount { get; set; }
        public FundingSource Source { get; set; }
    }

    public sealed class VenueInput
    {
        public string Name { get; set; } = "";
        public VenueOwner Owner { get; set; }
        public string UnitName { get; set; } = "";
    }

    public sealed class StaffInput
    {
        public string Role { get; set; } = "";
        public int? Count { get; set; }
        public bool IsVolunteer { get; set; }
    }

    public static PlanForm From(ServicePlan plan, string projectName) => new PlanForm
    {
        ProjectId = plan.ProjectId, ProjectName = projectName, VersionNumber = plan.VersionNumber, Purpose = plan.Purpose,
        Tasks = plan.Tasks.OrderBy(t => t.Order).Select(t => t.Text).ToList(),
        Objectives = plan.Objectives.OrderBy(o => o.Id).Select(o => new ObjectiveInput { Indicator = o.Indicator, TargetValue = o.TargetValue, Unit = o.Unit, MeasuredBy = o.MeasuredBy }).ToList(),
        Beneficiaries = plan.Beneficiaries.Select(b => new BeneficiaryInput { Group = b.Group, ExpectedNumber = b.ExpectedNumber }).ToList(),
        Budget = plan.BudgetLines.OrderBy(b => b.Id).Select(b => new BudgetInput { Item = b.Item, Amount = b.Amount, Source = b.Source }).ToList(),
        Venues = plan.Venues.OrderBy(v => v.Id).Select(v => new VenueInput { Name = v.Name, Owner = v.Owner, UnitName = v.UnitName }).ToList(),
        Materials = plan.Materials,
        Staff = plan.StaffRoles.OrderBy(r => r.Id).Select(r => new StaffInput { Role = r.Role, Count = r.Count, IsVolunteer = r.IsVolunteer }).ToList(),
        StartDate = plan.StartDate, EndDate = plan.EndDate, SessionPattern = plan.SessionPattern, Place = plan.Place,
        UsesCaseWork = plan.UsesCaseWork, UsesGroupWork = plan.UsesGroupWork, UsesCommunityWork = plan.UsesCommunityWork,
        MethodsDescription = plan.MethodsDescription, FeeTier = plan.FeeTier, FeeAmount = plan.FeeAmount, FeeJustification = plan.FeeJustification,
        DeliveryMode = plan.DeliveryMode, Capacity = plan.Capacity, Version = plan.Version,
    }.Padded();

    /// <summary>Blank rows up to the form's size, and one beneficiary row per target group.</summary>
    public PlanForm Padded()
    {
        while (Tasks.Count < TaskRows) { Tasks.Add(""); }
        while (Objectives.Count < ObjectiveRows) { Objectives.Add(new ObjectiveInput()); }
        while (Budget.Count < BudgetRows) { Budget.Add(new BudgetInput()); }
        while (Venues.Count < VenueRows) { Venues.Add(new VenueInput()); }
        while (Staff.Count < StaffRows) { Staff.Add(new StaffInput()); }
        Beneficiaries = Enum.GetValues<TargetGroup>()
            .Select(g => Beneficiaries.FirstOrDefault(b => b.Group == g) ?? new BeneficiaryInput { Group = g }).ToList();
        return this;
    }

    /// <summary>Copies the form into the plan: the one place the lists are rebuilt from their non-blank rows.</summary>
    public void ApplyTo(ServicePlan plan)
    {
        plan.Purpose = Purpose.Trim();
        plan.StartDate = StartDate!.Value;
        plan.EndDate = EndDate!.Value;
        plan.SessionPattern = SessionPattern.Trim();
        plan.Place = Place.Trim();
        plan.FeeTier = FeeTier;
        plan.FeeAmount = FeeTier == FeeTier.Free ? 0 : FeeAmount;
        plan.FeeJustification = FeeJustification.Trim();
        plan.DeliveryMode = DeliveryMode;
        plan.Capacity = Capacity;
        plan.Materials = Materials.Trim();
        plan.UsesCaseWork = UsesCaseWork;
        plan.UsesGroupWork = UsesGroupWork;
        plan.UsesCommunityWork = UsesCommunityWork;
        plan.MethodsDescription = MethodsDescription.Trim();
        plan.Tasks.Clear();
        plan.Tasks.AddRange(Tasks.Where(t => !string.IsNullOrWhiteSpace(t)).Select((t, i) => new PlanTask { Order = i + 1, Text = t.Trim() }));
        plan.Objectives.Clear();
        plan.Objectives.AddRange(Objectives.Where(o => !string.IsNullOrWhiteSpace(o.Indicator))
            .Select(o => new PlanObjective { Indicator = o.Indicator.Trim(), TargetValue = o.TargetValue ?? 0, Unit = o.Unit.Trim(), MeasuredBy = o.MeasuredBy }));
        // Beneficiaries are keyed by (plan, group): update them in place, since a removed and re-added row would clash.
        var wanted = Beneficiaries.Where(b => b.ExpectedNumber > 0).GroupBy(b => b.Group).ToDictionary(g => g.Key, g => g.First().ExpectedNumber!.Value);
        plan.Beneficiaries.RemoveAll(b => !wanted.ContainsKey(b.Group));
        foreach (var (group, number) in wanted)
        {
            var row = plan.Beneficiaries.FirstOrDefault(b => b.Group == group);
            if (row is null)
            {
                plan.Beneficiaries.Add(new PlanBeneficiary { Group = group, ExpectedNumber = number });
            }
            else
            {
                row.ExpectedNumber = number;
            }
        }
        plan.BudgetLines.Clear();
        plan.BudgetLines.AddRange(Budget.Where(b => !string.IsNullOrWhiteSpace(b.Item))
            .Select(b => new PlanBudgetLine { Item = b.Item.Trim(), Amount = b.Amount ?? 0, Source = b.Source }));
        plan.Venues.Clear();
        plan.Venues.AddRange(Venues.Where(v => !string.IsNullOrWhiteSpace(v.Name))
            .Select(v => new PlanVenue { Name = v.Name.Trim(), Owner = v.Owner, UnitName = v.Owner == VenueOwner.StationedUnit ? v.UnitName.Trim() : "" }));
        plan.StaffRoles.Clear();
        plan.StaffRoles.AddRange(Staff.Where(s => !string.IsNullOrWhiteSpace(s.Role))
            .Select(s => new PlanStaffRole { Role = s.Role.Trim(), Count = s.Count ?? 0, IsVolunteer = s.IsVolunteer }));
    }

    public sealed class Validator : AbstractValidator<PlanForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Purpose).NotEmpty().MaximumLength(ServicePlan.PurposeMaxLength).WithName(_ => l["Purpose"]);
            RuleForEach(f => f.Tasks).MaximumLength(PlanTask.TextMaxLength).WithName(_ => l["Task"]);
            RuleFor(f => f.StartDate).NotNull().WithName(_ => l["Start date"]);
            RuleFor(f => f.StartDate).NearToday(l);
            RuleFor(f => f.EndDate).NotNull().WithName(_ => l["End date"])
                .GreaterThanOrEqualTo(f => f.StartDate).When(f => f.StartDate is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => l[ServicePlan.EndBeforeStart]);
            RuleFor(f => f.EndDate).NearToday(l);
            RuleFor(f => f.SessionPattern).MaximumLength(ServicePlan.TextMaxLength).WithName(_ => l["Schedule"]);
            RuleFor(f => f.Place).NotEmpty().MaximumLength(ServicePlan.TextMaxLength).WithName(_ => l["Place"]);
            RuleFor(f => f.Materials).MaximumLength(ServicePlan.TextMaxLength).WithName(_ => l["Materials"]);
            RuleFor(f => f.MethodsDescription).MaximumLength(ServicePlan.PurposeMaxLength).WithName(_ => l["What is done"]);
            RuleFor(f => f.FeeTier).IsInEnum();
            RuleFor(f => f.DeliveryMode).IsInEnum();
            RuleFor(f => f.FeeAmount).InclusiveBetween(0, 99_999_999.99m).PrecisionScale(10, 2, true).WithName(_ => l["Fee"]);
            RuleFor(f => f.FeeAmount).GreaterThan(0).When(f => f.FeeTier != FeeTier.Free).WithMessage(_ => l[ServicePlan.NeedsFee]);
            RuleFor(f => f.FeeJustification).MaximumLength(ServicePlan.TextMaxLength).WithName(_ => l["Why the fee differs"]);
            RuleFor(f => f.Capacity).InclusiveBetween(0, 1_000_000).WithName(_ => l["Capacity"]);
            RuleFor(f => f.Capacity).GreaterThan(0).When(f => f.DeliveryMode != DeliveryMode.AtHome).WithMessage(_ => l[ServicePlan.NeedsCapacity]);
            RuleFor(f => f.Objectives).Must(o => o.Any(x => !string.IsNullOrWhiteSpace(x.Indicator) && x.TargetValue > 0))
                .WithMessage(_ => l[ServicePlan.NeedsObjective]);
            RuleForEach(f => f.Objectives).ChildRules(o =>
            {
                o.RuleFor(x => x.Indicator).MaximumLength(PlanObjective.IndicatorMaxLength).WithName(_ => l["Indicator"]);
                o.RuleFor(x => x.Unit).MaximumLength(PlanObjective.UnitMaxLength).WithName(_ => l["Unit"]);
                o.RuleFor(x => x.MeasuredBy).IsInEnum();
                o.RuleFor(x => x.TargetValue).GreaterThan(0).PrecisionScale(12, 2, true).When(x => x.TargetValue is not null).WithName(_ => l["Target"]);
                o.RuleFor(x => x.TargetValue).NotNull().When(x => !string.IsNullOrWhiteSpace(x.Indicator)).WithName(_ => l["Target"]);
            });
            RuleForEach(f => f.Beneficiaries).ChildRules(b =>
            {
                b.RuleFor(x => x.Group).IsInEnum();
                b.RuleFor(x => x.ExpectedNumber).InclusiveBetween(0, 1_000_000).When(x => x.ExpectedNumber is not null).WithName(_ => l["Expected number"]);
            });
            RuleForEach(f => f.Budget).ChildRules(b =>
            {
                b.RuleFor(x => x.Item).MaximumLength(PlanBudgetLine.ItemMaxLength).WithName(_ => l["Budget item"]);
                b.RuleFor(x => x.Source).IsInEnum();
                b.RuleFor(x => x.Amount).NotNull().When(x => !string.IsNullOrWhiteSpace(x.Item)).WithName(_ => l["Amount"]);
                b.RuleFor(x => x.Amount).InclusiveBetween(0, 9_999_999_999.99m).PrecisionScale(12, 2, true).When(x => x.Amount is not null).WithName(_ => l["Amount"]);
            });
            RuleForEach(f => f.Venues).ChildRules(v =>
            {
                v.RuleFor(x => x.Name).MaximumLength(PlanVenue.NameMaxLength).WithName(_ => l["Venue"]);
                v.RuleFor(x => x.Owner).IsInEnum();
                v.RuleFor(x => x.UnitName).NotEmpty().When(x => x.Owner == VenueOwner.StationedUnit && !string.IsNullOrWhiteSpace(x.Name))
                    .WithMessage(_ => l["Name the stationed unit that opens this venue."]);
                v.RuleFor(x => x.UnitName).MaximumLength(PlanVenue.NameMaxLength).WithName(_ => l["Stationed unit"]);
            });
            RuleForEach(f => f.Staff).ChildRules(s =>
            {
                s.RuleFor(x => x.Role).MaximumLength(PlanStaffRole.RoleMaxLength).WithName(_ => l["Role"]);
                s.RuleFor(x => x.Count).NotNull().GreaterThan(0).When(x => !string.IsNullOrWhiteSpace(x.Role)).WithName(_ => l["Number of people"]);
                s.RuleFor(x => x.Count).LessThanOrEqualTo(10_000).When(x => x.Count is not null).WithName(_ => l["Number of people"]);
            });
        }
    }
}
