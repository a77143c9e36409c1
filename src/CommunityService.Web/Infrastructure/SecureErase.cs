using CommunityService.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Infrastructure;

/// <summary>
/// The frame of the plaintext upgrades (<see cref="PlaintextFactsUpgrade"/>, <see cref="PlaintextNeedUpgrade"/>): their
/// saves run on one open connection with SQLite's <c>secure_delete</c> on, so the pages that held the old values are
/// overwritten with zeros, and the write-ahead log is checkpointed afterwards, so the file keeps no copy of them either.
/// A concurrent change (another instance starting at the same time, or a user saving a row) stops the work without a
/// checkpoint; the next start finishes what is left.
/// </summary>
public static class SecureErase
{
    /// <returns>False when a concurrent change stopped the work.</returns>
    public static async Task<bool> RunAsync(CommunityServiceDbContext db, Func<Task> saves, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", ct);
            }
            await saves();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = OFF;", CancellationToken.None);
            }
            await db.Database.CloseConnectionAsync();
        }
        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
        return true;
    }
}
