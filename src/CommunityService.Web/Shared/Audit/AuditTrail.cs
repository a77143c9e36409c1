using System.Globalization;
using System.Security.Claims;
using CommunityService.Data;
using CommunityService.Data.Auditing;
using CommunityService.Web.Shared.Security;

namespace CommunityService.Web.Shared.Audit;

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
    SignedIn,
    SignInFailed,
    SignedOut,
    PasswordChanged,
    AccessDenied,
    AccountCreated,
    AccountChanged,
    RolesChanged,
    AccountDisabled,
    AccountEnabled,
    Approved,
    Rejected,
    Returned,
    PersonalDataExported,
    SensitiveDataViewed,
    PrivacyRequested,
    PrivacyRequestWithdrawn,
    PrivacyRequestCompleted,
    PrivacyRequestRejected,
    DataAnonymized,
}

public enum AuditResult
{
    Succeeded,
    Denied,
}

public enum AuditRecordType
{
    CaseFile,
    Account,
    Page,
    Project,
    Plan,
    Adjustment,
    Evaluation,
    Resident,
    Volunteers,
    Money,
    Survey,
    PrivacyRequest,
}

/// <summary>
/// Writes the trail managers read at /audit: who did what to which record, when, and how it ended. Never note text or
/// passwords: the detail names fields or outcomes, not what was typed. <c>Add</c> puts the entry into the same
/// SaveChanges as the change it describes, so a change is never saved without its entry; <c>WriteAsync</c>
/// saves it alone (a read, an export, a refusal) before the page is shown.
/// </summary>
public sealed class AuditTrail(CommunityServiceDbContext db, TimeProvider clock)
{
    public void Add(ClaimsPrincipal user, AuditAction action, AuditRecordType type, int recordId, AuditResult result = AuditResult.Succeeded, string detail = "") =>
        Add(user, action, type, recordId.ToString(CultureInfo.InvariantCulture), result, detail);

    public void Add(ClaimsPrincipal user, AuditAction action, AuditRecordType type, string recordId, AuditResult result = AuditResult.Succeeded, string detail = "") =>
        AddFor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.DisplayName(), action, type, recordId, result, detail);

    /// <summary>An entry for someone who is not (yet) the signed-in user: a sign-in, a failed one.</summary>
    public void AddFor(string? actorId, string actorName, AuditAction action, AuditRecordType type, string recordId, AuditResult result = AuditResult.Succeeded, string detail = "") =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId,
            ActorName = Cut(actorName, AuditEntry.RecordMaxLength),
            Action = action.ToString(),
            RecordType = type.ToString(),
            RecordId = Cut(recordId, AuditEntry.RecordMaxLength),
            Result = result.ToString(),
            Detail = Cut(detail, AuditEntry.DetailMaxLength),
        });

    public Task WriteAsync(ClaimsPrincipal user, AuditAction action, AuditRecordType type, int recordId, AuditResult result, string detail, CancellationToken ct) =>
        WriteAsync(user, action, type, recordId.ToString(CultureInfo.InvariantCulture), result, detail, ct);

    public async Task WriteAsync(ClaimsPrincipal user, AuditAction action, AuditRecordType type, string recordId, AuditResult result, string detail, CancellationToken ct)
    {
        Add(user, action, type, recordId, result, detail);
        await db.SaveChangesAsync(ct);
    }

    public async Task WriteForAsync(string? actorId, string actorName, AuditAction action, AuditRecordType type, string recordId, AuditResult result, string detail, CancellationToken ct)
    {
        AddFor(actorId, actorName, action, type, recordId, result, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Every refusal (403) is recorded, whichever check refused: the cookie handler sends each one to the access-denied
    /// page, and this runs on the way. Its own scope and DbContext, so nothing the refused action had loaded is saved with it.
    /// </summary>
    public static async Task RecordRefusalAsync(HttpContext context)
    {
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var path = context.Request.Path.Value ?? "/";
        await trail.WriteAsync(context.User, AuditAction.AccessDenied, AuditRecordType.Page, path, AuditResult.Denied, context.Request.Method, context.RequestAborted);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
