using System.Globalization;
using System.Security.Claims;
using CommunityService.Data;
using CommunityService.Data.Auditing;
using CommunityService.Web.Infrastructure;

namespace CommunityService.Web.Features.Audit;

/// <summary>What was done; stored by name, so entries keep their meaning if the list grows.</summary>
public enum AuditAction
{
    CaseCreated,
    CaseOpened,
    CaseChanged,
    CaseNoteAdded,
    CaseWorkerAssigned,
    CaseWorkerRemoved,
    CaseClosed,
    CaseExported,
}

public enum AuditResult
{
    Succeeded,
    Denied,
}

public enum AuditRecordType
{
    CaseFile,
}

/// <summary>
/// Writes the trail managers read at /audit. <see cref="Add"/> puts the entry into the same SaveChanges as the
/// change it describes, so a change is never saved without its entry; <see cref="WriteAsync"/> saves it alone
/// (a read, a refusal) before the page is shown.
/// </summary>
public sealed class AuditTrail(CommunityServiceDbContext db, TimeProvider clock)
{
    public void Add(ClaimsPrincipal user, AuditAction action, AuditRecordType type, int recordId, AuditResult result = AuditResult.Succeeded, string detail = "") =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = Cut(user.DisplayName(), AuditEntry.RecordMaxLength),
            Action = action.ToString(),
            RecordType = type.ToString(),
            RecordId = recordId.ToString(CultureInfo.InvariantCulture),
            Result = result.ToString(),
            Detail = Cut(detail, AuditEntry.DetailMaxLength),
        });

    public async Task WriteAsync(ClaimsPrincipal user, AuditAction action, AuditRecordType type, int recordId, AuditResult result, string detail, CancellationToken ct)
    {
        Add(user, action, type, recordId, result, detail);
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
