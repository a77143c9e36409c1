using System.Globalization;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>Amounts as the center writes them: ¥, thousands separated, two decimals, the minus sign before the ¥.</summary>
public static class Yuan
{
    public static string Format(decimal amount) =>
        (amount < 0 ? "-¥" : "¥") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
