using CommunityService.Data.Catalog;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;

namespace CommunityService.Web.Features.Money;

/// <summary>The project facts the money pages need, with its newest approved plan (none: no budget to spend against).</summary>
/// <param name="CreatedOn">The day the project was created, in the center's time zone: no money moves before it.</param>
public sealed record MoneyProject(int Id, string Name, int CommunityId, ProjectStage Stage, DateOnly CreatedOn, int? PlanId, int? PlanVersion, FeeTier? FeeTier, decimal FeeAmount);

public sealed record ExpenseRow(int Id, string Item, FundingSource Source, decimal Amount, DateOnly SpentOn, string ReceiptNumber, string Description, string RecordedBy, int Version);

public sealed record IncomeRow(int Id, decimal Amount, DateOnly ReceivedOn, string Payer, string ReceiptNumber, string RecordedBy);

public sealed record MoneyPage(MoneyProject Project, BudgetBalance Balance, IReadOnlyList<ExpenseRow> Expenses, int ExpenseCount,
    IReadOnlyList<IncomeRow> Income, int IncomeCount, GateCheck CanSpend, GateCheck CanTakeFees);
