using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.Web.Shared.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Money;

/// <summary>A budget line of the approved plan to spend against: its item and, from the line, its funding source.</summary>
public sealed record BudgetChoice(int Id, string Item, FundingSource Source, decimal Planned);

public sealed class ExpenseForm
{
    /// <summary>The value of the choice that leaves an expense on the item it has, when the revised plan no longer lists it.</summary>
    public const int KeepItem = 0;

    [BindNever] public int ProjectId { get; set; }
    [BindNever] public string ProjectName { get; set; } = "";
    [BindNever] public int ExpenseId { get; set; }
    [BindNever] public IReadOnlyList<BudgetChoice> Lines { get; set; } = [];

    /// <summary>On an edit: the expense's own item and source when no line of the approved plan matches them.</summary>
    [BindNever] public BudgetChoice? Unplanned { get; set; }

    public int? BudgetLineId { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? SpentOn { get; set; }
    public string ReceiptNumber { get; set; } = "";
    public string Description { get; set; } = "";
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<ExpenseForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.BudgetLineId).NotNull().WithName(_ => l["Budget line"]);
            RuleFor(f => f.Amount).NotNull().GreaterThan(0m).LessThanOrEqualTo(MoneyRules.MaxAmount).WithName(_ => l["Amount (yuan)"]);
            RuleFor(f => f.Amount).Must(a => a is null || MoneyRules.HasAtMostTwoDecimals(a.Value)).WithMessage(_ => l[MoneyRules.AmountTooPrecise]);
            RuleFor(f => f.SpentOn).NotNull().WithName(_ => l["Date"]);
            RuleFor(f => f.SpentOn).NearToday(l);
            RuleFor(f => f.ReceiptNumber).MaximumLength(Expense.ReceiptMaxLength).WithName(_ => l["Receipt number"]);
            RuleFor(f => f.Description).MaximumLength(Expense.TextMaxLength).WithName(_ => l["What it was for"]);
        }
    }
}

public sealed class FeeIncomeForm
{
    [BindNever] public int ProjectId { get; set; }
    [BindNever] public string ProjectName { get; set; } = "";

    public decimal? Amount { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public string Payer { get; set; } = "";
    public string ReceiptNumber { get; set; } = "";

    public sealed class Validator : AbstractValidator<FeeIncomeForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Amount).NotNull().GreaterThan(0m).LessThanOrEqualTo(MoneyRules.MaxAmount).WithName(_ => l["Amount (yuan)"]);
            RuleFor(f => f.Amount).Must(a => a is null || MoneyRules.HasAtMostTwoDecimals(a.Value)).WithMessage(_ => l[MoneyRules.AmountTooPrecise]);
            RuleFor(f => f.ReceivedOn).NotNull().WithName(_ => l["Date"]);
            RuleFor(f => f.ReceivedOn).NearToday(l);
            RuleFor(f => f.Payer).MaximumLength(FeeIncome.TextMaxLength).WithName(_ => l["Paid by"]);
            RuleFor(f => f.ReceiptNumber).MaximumLength(Expense.ReceiptMaxLength).WithName(_ => l["Receipt number"]);
        }
    }
}
