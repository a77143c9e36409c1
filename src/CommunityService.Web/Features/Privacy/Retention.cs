using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityService.Web.Features.Privacy;

/// <summary>How long personal data is kept (appsettings section <c>Privacy</c>); 0 keeps that kind for good.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Privacy";

    /// <summary>A resident with no sign-in, sign-up, service, request, answer, rating or shift for this long is anonymized.</summary>
    public int RetentionYears { get; set; } = 5;

    /// <summary>Days after a project closes that the names and phones of people without an account leave its sign-up lists and home-visit requests.</summary>
    public int ClosedProjectListDays { get; set; } = 365;

    /// <summary>The local hour (0–23) at which the daily run starts.</summary>
    public int RunAtHour { get; set; } = 3;
}

/// <summary>What one retention run anonymized.</summary>
public sealed record RetentionResult(int Residents, int SignUps, int HomeVisits)
{
    public bool ChangedNothing => Residents == 0 && SignUps == 0 && HomeVisits == 0;
}

/// <summary>
/// Retention (PIPL art. 19 and 47): personal data is kept no longer than its purpose needs. Inactive residents are
/// anonymized as a completed deletion request would do; closed projects' lists lose the names and phones of people
/// without an account. Counts stay as they were. Running it again changes nothing.
/// </summary>
public sealed class Retention(
    CommunityServiceDbContext db, ResidentAnonymizer anonymizer, AuditTrail audit, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<Retention> log)
{
    public const string Actor = "retention";
    public const string ListPlaceholderPrefix = "已匿名 #";
    private const int Batch = 200;

    public async Task<RetentionResult> ApplyAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var residents = settings.RetentionYears > 0 ? await InactiveResidentsAsync(now.AddYears(-settings.RetentionYears), ct) : 0;
        var (signUps, visits) = settings.ClosedProjectListDays > 0 ? await ClosedProjectListsAsync(now.AddDays(-settings.ClosedProjectListDays), ct) : (0, 0);
        var result = new RetentionResult(residents, signUps, visits);
        log.LogInformation("Retention run: {Residents} residents anonymized, {SignUps} sign-ups and {Visits} home-visit requests of closed projects cleared", residents, signUps, visits);
        return result;
    }

    private async Task<int> InactiveResidentsAsync(DateTime cutoff, CancellationToken ct)
    {
        var signedIn = nameof(AuditAction.SignedIn);
        var workRoles = db.Roles.Where(r => r.Name == Roles.Staff || r.Name == Roles.Manager || r.Name == Roles.Admin).Select(r => r.Id);
        var residentRoles = db.Roles.Where(r => r.Name == Roles.Resident || r.Name == Roles.Volunteer).Select(r => r.Id);
        var ids = await db.Users.AsNoTracking()
            .Where(u => u.CreatedAt < cutoff && !u.UserName!.StartsWith(ResidentAnonymizer.UserNamePrefix)
                && db.UserRoles.Any(r => r.UserId == u.Id && residentRoles.Contains(r.RoleId))
                && !db.UserRoles.Any(r => r.UserId == u.Id && workRoles.Contains(r.RoleId))
                && !db.AuditEntries.Any(a => a.ActorId == u.Id && a.Action == signedIn && a.At >= cutoff)
                && !db.SignUps.Any(s => s.ResidentId == u.Id && (s.CreatedAt >= cutoff || s.CheckedInAt >= cutoff))
                && !db.ServiceRecords.Any(s => s.ResidentId == u.Id && s.DeliveredAt >= cutoff)
                && !db.HomeVisitRequests.Any(r => r.ResidentId == u.Id && r.UpdatedAt >= cutoff)
                && !db.SurveyResponses.Any(r => r.RespondentId == u.Id && r.UpdatedAt >= cutoff)
                && !db.Feedback.Any(f => f.ResidentId == u.Id && f.CreatedAt >= cutoff)
                && !db.Shifts.Any(s => s.UserId == u.Id && s.TakenAt >= cutoff)
                && !db.PrivacyRequests.Any(r => r.ResidentId == u.Id && r.CreatedAt >= cutoff))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            // One resident per save: a failure leaves the others done, and the next run picks it up again.
            var rows = await anonymizer.AnonymizeAsync(id, ct);
            audit.AddFor(null, Actor, AuditAction.DataAnonymized, AuditRecordType.Resident, id, AuditResult.Succeeded, rows?.Summary ?? "");
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return ids.Count;
    }

    private async Task<(int SignUps, int Visits)> ClosedProjectListsAsync(DateTime cutoff, CancellationToken ct)
    {
        var closed = db.Projects.Where(p => (p.Stage == ProjectStage.Closed || p.Stage == ProjectStage.Cancelled)
                && (db.StageChanges.Where(c => c.ProjectId == p.Id && c.To == p.Stage).Max(c => (DateTime?)c.At) ?? p.UpdatedAt) < cutoff)
            .Select(p => p.Id);
        var signUps = 0;
        while (true)
        {
            var batch = await db.SignUps.Where(s => s.ResidentId == null && closed.Contains(s.ProjectId)
                    && (!s.Name.StartsWith(ListPlaceholderPrefix) || s.Phone != "" || s.Note != ""))
                .OrderBy(s => s.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var s in batch)
            {
                (s.Name, s.Phone, s.Note) = (ListPlaceholderPrefix + s.Id, "", "");
            }
            signUps += await SaveBatchAsync(batch.Count, "SignUps", ct);
        }
        var visits = 0;
        while (true)
        {
            var batch = await db.HomeVisitRequests.Where(r => r.ResidentId == null && closed.Contains(r.ProjectId)
                    && (!r.Name.StartsWith(ListPlaceholderPrefix) || r.Phone != "" || r.Address != "" || r.ProtectedNeed != ""))
                .OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var r in batch)
            {
                (r.Name, r.Phone, r.Address, r.ProtectedNeed) = (ListPlaceholderPrefix + r.Id, "", "", "");
                db.Entry(r).Property(x => x.DeclineReason).CurrentValue = "";
            }
            visits += await SaveBatchAsync(batch.Count, "HomeVisits", ct);
        }
        return (signUps, visits);
    }

    private async Task<int> SaveBatchAsync(int count, string what, CancellationToken ct)
    {
        audit.AddFor(null, Actor, AuditAction.DataAnonymized, AuditRecordType.Page, what, AuditResult.Succeeded, $"rows={count}");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return count;
    }
}

/// <summary>When the daily run comes next: at the configured local hour, today if it is still ahead, else tomorrow.</summary>
public static class RetentionSchedule
{
    public static DateTime NextRunUtc(DateTime utcNow, PortalTime time, int hour)
    {
        var local = time.Local(utcNow);
        var next = local.Date.AddHours(Math.Clamp(hour, 0, 23));
        if (next <= local)
        {
            next = next.AddDays(1);
        }
        return time.ToUtc(next);
    }
}

/// <summary>Runs <see cref="Retention"/> once a day, on the injected clock.</summary>
public sealed class RetentionService(IServiceScopeFactory scopes, TimeProvider clock, PortalTime time, IOptions<RetentionOptions> options, ILogger<RetentionService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var delay = RetentionSchedule.NextRunUtc(now, time, options.Value.RunAtHour) - now;
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Retention>().ApplyAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                // Tomorrow's run tries again; what was done stays done.
                log.LogError(ex, "Retention run failed");
            }
        }
    }
}

public static class RetentionSetup
{
    public const string Flag = "--apply-retention";

    /// <summary><c>--apply-retention</c>: one run now, then exit (for cron or a manual run); exit code 0 when it succeeded.</summary>
    public static async Task<bool> ApplyRetentionIfAskedAsync(this WebApplication app, string[] args)
    {
        if (!args.Contains(Flag))
        {
            return false;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Retention>().ApplyAsync(CancellationToken.None);
        app.Logger.LogInformation("{Flag}: {Residents} residents, {SignUps} sign-ups, {Visits} home-visit requests anonymized", Flag, result.Residents, result.SignUps, result.HomeVisits);
        return true;
    }
}
