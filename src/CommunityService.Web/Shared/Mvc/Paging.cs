using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Shared.Mvc;

public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + Size - 1) / Size);
    public bool HasPrevious => Number > 1;
    public bool HasNext => Number < PageCount;
}

public static class PagingExtensions
{
    public const int DefaultSize = 20;

    /// <summary>One count and one page query: two SQL commands whatever the size of the table.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int number, int size, CancellationToken ct)
    {
        // A page number from the address bar is clamped, so OFFSET can neither go negative nor overflow.
        number = Math.Clamp(number, 1, 1_000_000);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<T>(items, number, size, total);
    }
}
