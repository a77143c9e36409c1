using Microsoft.EntityFrameworkCore;

namespace CommunityService.Data.Residents;

/// <summary>One given or withdrawn consent to keeping a resident's special-group facts, with the wording she saw.</summary>
public sealed record ConsentRow(DateTime At, bool Given, string WordingVersion, string WordingText)
{
    /// <summary>A resident's consents to keeping her special-group facts, newest first.</summary>
    public static Task<List<ConsentRow>> HistoryAsync(CommunityServiceDbContext db, string userId, CancellationToken ct) =>
        db.ConsentRecords.AsNoTracking().Where(c => c.UserId == userId && c.Purpose == ConsentPurpose.SensitiveFacts)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new ConsentRow(c.At, c.Given, c.WordingVersion, c.WordingText)).ToListAsync(ct);
}
