using CommunityService.Data.Catalog;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Money;

/// <summary>When spending and fee income may be recorded, in sentences that double as localization keys.</summary>
public static class MoneyRules
{
    public const decimal MaxAmount = 10_000_000m;

    public const string NoApprovedPlan = "Spending is recorded against the budget of an approved plan, and this project has none yet.";
    public const string ProjectFinished = "The project is finished: its accounts can no longer change.";
    public const string FreeService = "This service is free: there is no fee income to record.";
    public const string NotABudgetLine = "Choose a budget line of the approved plan.";
    public const string DateInFuture = "The date cannot be in the future.";
    public const string DateBeforeProject = "The date cannot be before the project was created.";
    public const string AmountTooPrecise = "Enter the amount in yuan with at most two decimals.";

    /// <summary>Expenses are recorded, changed and removed while the project runs on an approved plan.</summary>
    public static GateCheck CanChangeSpending(ProjectStage stage, bool hasApprovedPlan) =>
        stage.IsFinished() ? GateCheck.Fail(ProjectFinished)
        : !hasApprovedPlan ? GateCheck.Fail(NoApprovedPlan)
        : GateCheck.Passed;

    /// <summary>Fee income exists only for a low-cost or paid service of the approved plan.</summary>
    public static GateCheck CanChangeFeeIncome(ProjectStage stage, FeeTier? approvedTier) =>
        stage.IsFinished() ? GateCheck.Fail(ProjectFinished)
        : approvedTier is null ? GateCheck.Fail(NoApprovedPlan)
        : approvedTier == FeeTier.Free ? GateCheck.Fail(FreeService)
        : GateCheck.Passed;

    /// <summary>Money moves on a day between the project's creation and today (both in the center's time zone).</summary>
    public static string? CheckDate(DateOnly on, DateOnly projectCreated, DateOnly today) =>
        on > today ? DateInFuture
        : on < projectCreated ? DateBeforeProject
        : null;

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;
}
