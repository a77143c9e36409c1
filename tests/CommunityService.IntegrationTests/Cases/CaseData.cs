using System.Net;
using System.Text.RegularExpressions;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Cases;

/// <summary>The demo case files (both under 残疾人康复上门服务, assigned to `staff`) and what tests compare about them.</summary>
public static partial class CaseData
{
    public const string First = "2025-07";
    public const string Second = "2025-09";

    public static Task<int> IdAsync(PortalFactory portal, string reference) =>
        portal.WithDbAsync(db => db.CaseFiles.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());

    public static Task<int> ProjectAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync());

    public static Task<int> CommunityAsync(PortalFactory portal, string name) =>
        portal.WithDbAsync(db => db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    public static Task<string> UserIdAsync(PortalFactory portal, string userName) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>Every stored fact of every case file, its workers and notes: equal before and after means nothing changed.</summary>
    public static Task<string> SnapshotAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        var files = (await db.CaseFiles.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            .Select(c => string.Join("|", new object?[] { c.Id, c.ProjectId, c.Reference, c.IsFamily, c.Status, c.ProtectedSubject, c.ProtectedAssessment,
                c.ProtectedGoals, c.ProtectedPlan, c.ProtectedClosingSummary, c.OpenedAt, c.ClosedAt, c.Version }));
        var workers = await db.CaseAssignments.AsNoTracking().OrderBy(a => a.CaseFileId).ThenBy(a => a.UserId)
            .Select(a => a.CaseFileId + ":" + a.UserId).ToListAsync();
        var notes = await db.CaseNotes.AsNoTracking().OrderBy(n => n.Id).Select(n => n.Id + ":" + n.ProtectedText).ToListAsync();
        return string.Join("\n", files.Concat(workers).Concat(notes));
    });

    /// <summary>What the trail says about case files done by this person (their sign-ins and other refusals are elsewhere).</summary>
    public static Task<List<Data.Auditing.AuditEntry>> AuditOfAsync(PortalFactory portal, string actorId) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ActorId == actorId && a.RecordType == "CaseFile").OrderBy(a => a.Id).ToListAsync());

    /// <summary>A page with its per-request parts (antiforgery tokens) taken out, to compare two answers.</summary>
    public static async Task<string> StableBodyAsync(HttpResponseMessage response) =>
        Token().Replace(await response.Content.ReadAsStringAsync(), "");

    public static bool IsAccessDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && (response.RedirectPath() ?? "").StartsWith("/account/access-denied", StringComparison.Ordinal);

    [GeneratedRegex(""""name="__RequestVerificationToken" type="hidden" value="[^"]+"""")]
    private static partial Regex Token();
}
