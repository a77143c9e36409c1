using CommunityService.Data;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Infrastructure;

/// <summary>
/// Carries special-group facts stored in plain text (before they were encrypted) into <see cref="ResidentProfile.ProtectedFacts"/>
/// and empties the plaintext columns. It runs at every start after the migrations: a migration cannot call Data Protection.
/// Idempotent: it finds nothing to do once the columns are empty, and two instances starting together at worst both encrypt
/// the same facts (the profile's version token lets only one save). The old values are erased from the SQLite file
/// (<see cref="SecureErase"/>).
/// </summary>
public static class PlaintextFactsUpgrade
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CommunityServiceDbContext>();
        var protector = services.GetRequiredService<ResidentFactsProtector>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaintextFactsUpgrade));
        return await RunAsync(db, protector, logger, ct);
    }

    public static async Task<int> RunAsync(CommunityServiceDbContext db, ResidentFactsProtector protector, ILogger logger, CancellationToken ct)
    {
        var (ageBand, disability, lowIncome) = (ResidentProfile.PlaintextFactColumns[0], ResidentProfile.PlaintextFactColumns[1], ResidentProfile.PlaintextFactColumns[2]);
        var profiles = await db.ResidentProfiles
            .Where(p => EF.Property<string?>(p, ageBand) != null || EF.Property<bool?>(p, disability) != null || EF.Property<bool?>(p, lowIncome) != null)
            .ToListAsync(ct);
        if (profiles.Count == 0)
        {
            return 0;
        }
        var encrypted = 0;
        var done = await SecureErase.RunAsync(db, async () =>
        {
            foreach (var profile in profiles)
            {
                var entry = db.Entry(profile);
                var band = entry.Property<string?>(ageBand).CurrentValue;
                var plaintext = new SensitiveFacts(
                    Enum.TryParse<AgeBand>(band, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
                    entry.Property<bool?>(disability).CurrentValue, entry.Property<bool?>(lowIncome).CurrentValue);
                // Facts without a standing consent are not carried over (they should not have been kept), and facts already
                // encrypted are newer than any plaintext left beside them.
                if (profile.HasSensitiveConsent && profile.ProtectedFacts.Length == 0 && !plaintext.IsEmpty
                    && profile.SetSensitiveFacts(plaintext, protector.Protect).IsPassed)
                {
                    encrypted++;
                }
                entry.Property<string?>(ageBand).CurrentValue = null;
                entry.Property<bool?>(disability).CurrentValue = null;
                entry.Property<bool?>(lowIncome).CurrentValue = null;
            }
            await db.SaveChangesAsync(ct);
        }, ct);
        if (!done)
        {
            // Another instance (or the resident) saved one of these profiles meanwhile; the next start finishes what is left.
            logger.LogWarning("The upgrade of plaintext special-group facts met a concurrent change; what is left is done at the next start.");
            return encrypted;
        }
        logger.LogInformation("Special-group facts of {Profiles} resident profile(s) were in plain text: {Encrypted} encrypted, the rest (no consent) erased; the plaintext columns are empty now.",
            profiles.Count, encrypted);
        return encrypted;
    }
}
