using CommunityService.Data;
using CommunityService.Data.Participation;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Infrastructure;

/// <summary>
/// Carries the needs of home-visit requests stored in plain text (before they were encrypted) into
/// <see cref="HomeVisitRequest.ProtectedNeed"/> and empties the plaintext column; the sibling of <see cref="PlaintextFactsUpgrade"/>,
/// run right after it at every start. Idempotent: it finds nothing to do once the column is empty; two instances starting together
/// at worst both encrypt the same need (the request's version token lets only one save). It works in batches, so a large table
/// is not loaded at once. The old values are erased from the SQLite file (<see cref="SecureErase"/>).
/// </summary>
public static class PlaintextNeedUpgrade
{
    private const int Batch = 500;

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CommunityServiceDbContext>();
        var protector = services.GetRequiredService<HomeVisitNeedProtector>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaintextNeedUpgrade));
        return await RunAsync(db, protector, logger, ct);
    }

    public static async Task<int> RunAsync(CommunityServiceDbContext db, HomeVisitNeedProtector protector, ILogger logger, CancellationToken ct)
    {
        const string column = HomeVisitRequest.PlaintextNeedColumn;
        if (!await db.HomeVisitRequests.AnyAsync(r => EF.Property<string?>(r, column) != null, ct))
        {
            return 0;
        }
        var (emptied, encrypted) = (0, 0);
        var done = await SecureErase.RunAsync(db, async () =>
        {
            while (true)
            {
                var batch = await db.HomeVisitRequests.Where(r => EF.Property<string?>(r, column) != null)
                    .OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }
                foreach (var request in batch)
                {
                    var plain = db.Entry(request).Property<string?>(column);
                    // A need already encrypted is newer than any plaintext left beside it.
                    if (request.ProtectedNeed.Length == 0 && plain.CurrentValue is { Length: > 0 } need)
                    {
                        request.ProtectedNeed = protector.Protect(need);
                        encrypted++;
                    }
                    plain.CurrentValue = null;
                }
                await db.SaveChangesAsync(ct);
                emptied += batch.Count;
                db.ChangeTracker.Clear();
            }
        }, ct);
        if (!done)
        {
            // Another instance (or staff) saved one of these requests meanwhile; the next start finishes what is left.
            logger.LogWarning("The upgrade of plaintext home-visit needs met a concurrent change; what is left is done at the next start.");
            return encrypted;
        }
        logger.LogInformation("The needs of {Requests} home-visit request(s) were in plain text: {Encrypted} encrypted; the plaintext column is empty now.",
            emptied, encrypted);
        return encrypted;
    }
}
