using CommunityService.Data;
using CommunityService.Web.Shared.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Privacy;

/// <summary>What one anonymization changed, by kind of row: numbers only, fit for the audit trail.</summary>
public sealed record AnonymizedRows(int SignUps, int HomeVisits, int ServiceRecords, int Feedback, int SurveyResponses, int Shifts, int Opinions, int AuditEntries)
{
    public string Summary => $"signups={SignUps} visits={HomeVisits} records={ServiceRecords} feedback={Feedback} responses={SurveyResponses} shifts={Shifts} opinions={Opinions} audit={AuditEntries}";
}

/// <summary>
/// Deletion by anonymization (PIPL art. 47): the profiles go; the account stays as an anonymous placeholder, disabled and
/// locked, so that every row that counts for statistics (sign-ups, check-ins, services, ratings, survey answers, volunteer
/// hours, consents) keeps its numbers and still counts as the same one person, but no longer says who that was: names,
/// phones, addresses and free text are gone. Tracks the changes; the caller saves them with its audit entry, in one step.
/// </summary>
public sealed class ResidentAnonymizer(CommunityServiceDbContext db)
{
    public const string PlaceholderPrefix = "已注销居民 #";
    public const string UserNamePrefix = "deleted-";

    /// <summary>Put where a free-text survey answer was, so the question still counts the answer.</summary>
    public const string ErasedText = "（已删除）";

    /// <summary>The same for the same account every time: a second run changes nothing.</summary>
    public static string PlaceholderFor(string userId) =>
        PlaceholderPrefix + new string(userId.Where(char.IsLetterOrDigit).Take(8).ToArray()).ToUpperInvariant();

    public static bool IsAnonymizedUserName(string? userName) => userName?.StartsWith(UserNamePrefix, StringComparison.Ordinal) == true;

    public async Task<AnonymizedRows?> AnonymizeAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        var name = PlaceholderFor(userId);
        var formerUserName = user.UserName;

        user.UserName = UserNamePrefix + userId;
        user.NormalizedUserName = user.UserName.ToUpperInvariant();
        user.DisplayName = name;
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.IsRepresentative = false;
        user.IsDisabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        // A new stamp ends every session of the account at its next request.
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();

        db.UserLogins.RemoveRange(await db.UserLogins.Where(x => x.UserId == userId).ToListAsync(ct));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(x => x.UserId == userId).ToListAsync(ct));
        db.UserClaims.RemoveRange(await db.UserClaims.Where(x => x.UserId == userId).ToListAsync(ct));
        db.ResidentProfiles.RemoveRange(await db.ResidentProfiles.Where(p => p.UserId == userId).ToListAsync(ct));
        db.VolunteerProfiles.RemoveRange(await db.VolunteerProfiles.Where(p => p.UserId == userId).ToListAsync(ct));

        var signUps = await db.SignUps.Where(s => s.ResidentId == userId).ToListAsync(ct);
        foreach (var s in signUps)
        {
            (s.Name, s.Phone, s.Note) = (name, "", "");
        }
        var visits = await db.HomeVisitRequests.Where(r => r.ResidentId == userId).ToListAsync(ct);
        foreach (var r in visits)
        {
            (r.Name, r.Phone, r.Address, r.ProtectedNeed) = (name, "", "", "");
            db.Entry(r).Property(x => x.DeclineReason).CurrentValue = "";
        }
        var records = await db.ServiceRecords.Where(r => r.ResidentId == userId).ToListAsync(ct);
        foreach (var r in records)
        {
            r.RecipientName = name;
            r.Notes = "";
            // At home, the place is the resident's address.
            if (r.DeliveryMode == Data.Catalog.DeliveryMode.AtHome)
            {
                r.Place = "";
            }
        }
        var feedback = await db.Feedback.Where(f => f.ResidentId == userId).ToListAsync(ct);
        foreach (var f in feedback)
        {
            f.Comment = "";
        }
        var responses = await db.SurveyResponses.Include(r => r.Answers).Where(r => r.RespondentId == userId).ToListAsync(ct);
        foreach (var r in responses)
        {
            r.RespondentName = "";
            // The response changes even when only its answers do: its version moves, and with it the survey's cached results.
            db.Entry(r).Property(x => x.RespondentName).IsModified = true;
            foreach (var a in r.Answers.Where(a => !string.IsNullOrEmpty(a.Text)))
            {
                a.Text = ErasedText;
            }
        }
        var shifts = await db.Shifts.Where(s => s.UserId == userId).ToListAsync(ct);
        foreach (var s in shifts)
        {
            s.Note = "";
        }
        var opinions = await db.Opinions.Where(o => o.GivenById == userId).ToListAsync(ct);
        foreach (var o in opinions)
        {
            o.SpeakerName = name;
        }
        // The trail keeps every entry; where it named her (as the actor, or an account by its user name) it now names the placeholder.
        var accountTypes = new[] { nameof(AuditRecordType.Account), nameof(AuditRecordType.Resident) };
        var audit = await db.AuditEntries
            .Where(a => a.ActorId == userId || (formerUserName != null && accountTypes.Contains(a.RecordType) && a.RecordId == formerUserName))
            .ToListAsync(ct);
        foreach (var a in audit)
        {
            if (a.ActorId == userId)
            {
                a.ActorName = name;
            }
            if (a.RecordId == formerUserName)
            {
                a.RecordId = user.UserName;
            }
        }
        foreach (var request in await db.PrivacyRequests.Where(r => r.ResidentId == userId).ToListAsync(ct))
        {
            request.ForgetText();
        }
        return new AnonymizedRows(signUps.Count, visits.Count, records.Count, feedback.Count, responses.Count, shifts.Count, opinions.Count, audit.Count);
    }
}
